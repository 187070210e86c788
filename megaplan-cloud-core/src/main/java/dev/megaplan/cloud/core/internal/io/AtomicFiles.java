package dev.megaplan.cloud.core.internal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Local writes that matter (cloud.yaml from {@code init}, markers), through the one {@link
 * AtomicFileWriter}: a temp file beside the target, then an atomic rename.
 */
public final class AtomicFiles {
  private static final int DEFAULT_MODE = 0644;

  private AtomicFiles() {}

  /**
   * Writes bytes atomically, creating parent directories and keeping an existing file's permissions
   * ({@code rw-r--r--} for a new one). A failure leaves any previous file intact and no temp file
   * behind.
   *
   * @param target the file to write
   * @param content the bytes
   * @throws UncheckedIOException when the write fails
   */
  public static void write(Path target, byte[] content) {
    Path absolute = target.toAbsolutePath();
    try {
      int mode =
          Files.exists(absolute)
              ? AtomicFileWriter.mode(Files.getPosixFilePermissions(absolute))
              : DEFAULT_MODE;
      new AtomicFileWriter().write(absolute, content, mode);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + absolute + ": " + e.getMessage(), e);
    }
  }
}
