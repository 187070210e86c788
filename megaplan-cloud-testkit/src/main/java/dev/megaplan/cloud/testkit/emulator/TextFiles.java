package dev.megaplan.cloud.testkit.emulator;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes the emulator's files. Writes are atomic: they replace a file so that readers see
 * either the old or the new text, never a part. Both go through {@code java.io} streams: {@code
 * Files.write} and {@code Files.readAllBytes} would load the whole {@code FileChannel} stack, which
 * the JDK's class-data archive does not hold, at a cost the emulator's start-up budget cannot
 * spare.
 */
final class TextFiles {
  private static long tempCounter;

  private TextFiles() {}

  /** The bytes of {@code file}; {@link NoSuchFileException} when it does not exist. */
  static byte[] read(Path file) throws IOException {
    try (InputStream in = new FileInputStream(file.toFile())) {
      return in.readAllBytes();
    } catch (FileNotFoundException notOpened) {
      if (!Files.exists(file)) {
        throw new NoSuchFileException(file.toString());
      }
      throw notOpened;
    }
  }

  /** The UTF-8 text of {@code file}; {@link NoSuchFileException} when it does not exist. */
  static String readText(Path file) throws IOException {
    return new String(read(file), StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code text} (UTF-8) to a temporary file beside {@code target} (named after it, this
   * process and a counter, so concurrent writers never share one), then renames it over {@code
   * target}.
   */
  static void write(Path target, String text) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + target.getFileName() + "." + uniqueSuffix() + ".tmp");
    try {
      try (OutputStream out = new FileOutputStream(temp.toFile())) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException sameDirectorySoUnexpected) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static synchronized String uniqueSuffix() {
    tempCounter++;
    return ProcessHandle.current().pid() + "-" + System.nanoTime() + "-" + tempCounter;
  }
}
