package dev.megaplan.cloud.core.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes one local file the way every upload must land (03 §6): parents created, the bytes written
 * to {@code <dest>.tmp.<random>} beside the destination with the requested mode, then renamed over
 * the destination in one atomic step. A failure at any point removes the temp file and leaves the
 * previous destination untouched.
 */
public final class AtomicFileWriter {
  /** Writes bytes into an open temp file; a seam so tests can fail a write midway. */
  @FunctionalInterface
  public interface ContentWriter {
    /**
     * Writes the content.
     *
     * @param out the temp file's stream
     * @param content the bytes
     * @throws IOException when writing fails
     */
    void write(OutputStream out, byte[] content) throws IOException;
  }

  private static final Set<PosixFilePermission> PRIVATE =
      PosixFilePermissions.fromString("rw-------");

  private final SecureRandom random = new SecureRandom();
  private final ContentWriter contentWriter;

  /** A writer that writes content in one call. */
  public AtomicFileWriter() {
    this(OutputStream::write);
  }

  /**
   * A writer with a custom content step (tests use it to fail midway).
   *
   * @param contentWriter how bytes reach the temp file
   */
  public AtomicFileWriter(ContentWriter contentWriter) {
    this.contentWriter = contentWriter;
  }

  /**
   * Writes a file atomically.
   *
   * @param destination an absolute path
   * @param content the bytes
   * @param mode POSIX permission bits such as {@code 0644}
   * @throws IOException when any step fails; the destination is then unchanged
   */
  public void write(Path destination, byte[] content, int mode) throws IOException {
    Path parent = destination.getParent();
    if (parent == null) {
      throw new IOException("no parent directory for " + destination);
    }
    Files.createDirectories(parent);
    byte[] suffix = new byte[6];
    random.nextBytes(suffix);
    Path temp =
        parent.resolve(destination.getFileName() + ".tmp." + HexFormat.of().formatHex(suffix));
    boolean moved = false;
    try {
      try (OutputStream out =
          Files.newOutputStream(
              Files.createFile(temp, PosixFilePermissions.asFileAttribute(PRIVATE)),
              StandardOpenOption.WRITE)) {
        contentWriter.write(out, content);
      }
      Files.setPosixFilePermissions(temp, permissions(mode));
      try {
        Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Converts permissions into mode bits, the inverse of {@link #permissions(int)}.
   *
   * @param permissions the permission set
   * @return the mode, for example {@code 0644}
   */
  public static int mode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (int bit = 0; bit < 9; bit++) {
      if (permissions(1 << bit).stream().allMatch(permissions::contains)) {
        mode |= 1 << bit;
      }
    }
    return mode;
  }

  /**
   * Converts mode bits ({@code 0755}) into permissions; bits above {@code 0777} are ignored.
   *
   * @param mode the mode
   * @return the permission set
   */
  public static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        result.add(order[bit]);
      }
    }
    return result;
  }
}
