package dev.megaplan.cloud.core.internal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Local writes that matter: a temp file in the target's directory, then an atomic rename. */
public final class AtomicFiles {
  private AtomicFiles() {}

  private static Set<PosixFilePermission> keptPermissions(Path target) throws IOException {
    if (Files.exists(target)) {
      return Files.getPosixFilePermissions(target);
    }
    return PosixFilePermissions.fromString("rw-r--r--");
  }

  /**
   * Writes bytes atomically, creating parent directories. A failure leaves any previous file intact
   * and no temp file behind.
   *
   * @param target the file to write
   * @param content the bytes
   */
  public static void write(Path target, byte[] content) {
    write(target, content, null);
  }

  /**
   * Writes bytes atomically with the given POSIX permissions (applied before the rename, so the
   * file is never visible with wider permissions).
   *
   * @param target the file to write
   * @param content the bytes
   * @param permissions the permissions, or null to keep the existing file's (else {@code
   *     rw-r--r--})
   */
  public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) {
    Path absolute = target.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(absolute.getParent());
      temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
      Files.setPosixFilePermissions(
          temp, permissions != null ? permissions : keptPermissions(absolute));
      Files.write(temp, content);
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + absolute + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temp file is hidden and named after its target
        }
      }
    }
  }
}
