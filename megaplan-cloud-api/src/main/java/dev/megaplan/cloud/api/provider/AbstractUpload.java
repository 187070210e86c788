package dev.megaplan.cloud.api.provider;

import org.immutables.value.Value;

/** One file to place on the box: its bytes and the absolute remote path. */
@Value.Immutable
abstract class AbstractUpload {
  /** The absolute remote destination path. */
  public abstract String remotePath();

  /** The file's content; never logged. */
  @Value.Redacted
  public abstract byte[] content();

  /** POSIX permission bits for the file, for example {@code 0600}; {@code 0644} by default. */
  @Value.Default
  public int mode() {
    return 0644;
  }

  /**
   * An upload with the default mode.
   *
   * @param remotePath the absolute destination
   * @param content the bytes
   * @return the upload
   */
  public static Upload of(String remotePath, byte[] content) {
    return Upload.builder().remotePath(remotePath).content(content).build();
  }
}
