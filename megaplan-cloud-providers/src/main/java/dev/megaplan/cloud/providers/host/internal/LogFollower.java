package dev.megaplan.cloud.providers.host.internal;

import dev.megaplan.cloud.providers.host.HostSettings.Sleeper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows one log file like {@code tail -F}: the last lines first, then every line appended, each
 * delivered exactly once, until the calling thread is interrupted. Survives the file being
 * truncated (its size drops below what was read: read again from the start) and being replaced or
 * deleted and recreated (its inode changes: the old file is drained, then the new one is read from
 * its start). A partial last line is held until its newline arrives, or delivered when its file is
 * cut or replaced.
 */
public final class LogFollower {
  private final Path file;
  private final Consumer<String> sink;
  private final Duration pollInterval;
  private final Sleeper sleeper;

  /**
   * Creates a follower.
   *
   * @param file the log file (it may not exist yet)
   * @param sink receives each line
   * @param pollInterval how often to look for new bytes
   * @param sleeper how to wait between looks
   */
  public LogFollower(Path file, Consumer<String> sink, Duration pollInterval, Sleeper sleeper) {
    this.file = file;
    this.sink = sink;
    this.pollInterval = pollInterval;
    this.sleeper = sleeper;
  }

  /**
   * Prints the last lines of a file and returns.
   *
   * @param file the file
   * @param count how many lines
   * @param sink receives each line
   * @throws IOException when the file cannot be read
   */
  public static void tail(Path file, int count, Consumer<String> sink) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      for (String line : LogTail.lastLines(raf, raf.length(), count)) {
        sink.accept(line);
      }
    }
  }

  /**
   * Follows the file until the calling thread is interrupted; returns normally then, with the
   * interrupt flag still set.
   *
   * @param tailLines how many existing lines to deliver first
   * @throws IOException when the file cannot be read
   */
  public void follow(int tailLines) throws IOException {
    while (!Files.exists(file)) {
      if (!pause()) {
        return;
      }
    }
    LineSplitter lines = new LineSplitter(sink);
    RandomAccessFile current = open();
    try {
      Object key = keyOf();
      long position;
      long size = current.length();
      position = LogTail.afterLastNewline(current, size);
      List<String> tail = LogTail.lastLines(current, position, tailLines);
      tail.forEach(sink);
      byte[] buffer = new byte[64 * 1024];
      while (!Thread.currentThread().isInterrupted()) {
        position = drain(current, position, buffer, lines);
        BasicFileAttributes now = attributes();
        if (now != null && !Objects.equals(now.fileKey(), key)) {
          lines.flush();
          current.close();
          current = open();
          key = keyOf();
          position = 0;
          continue;
        }
        if (now != null && now.size() < position) {
          lines.flush();
          position = 0;
          continue;
        }
        if (!pause()) {
          return;
        }
      }
    } finally {
      current.close();
    }
  }

  private long drain(RandomAccessFile raf, long position, byte[] buffer, LineSplitter lines)
      throws IOException {
    raf.seek(position);
    int n;
    while ((n = raf.read(buffer)) > 0) {
      lines.accept(buffer, n);
      position += n;
    }
    return position;
  }

  private RandomAccessFile open() throws IOException {
    while (true) {
      try {
        return new RandomAccessFile(file.toFile(), "r");
      } catch (java.io.FileNotFoundException e) {
        if (Files.exists(file)) {
          throw e;
        }
        if (!pause()) {
          throw new java.io.InterruptedIOException("interrupted while waiting for " + file);
        }
      }
    }
  }

  private Object keyOf() throws IOException {
    BasicFileAttributes attributes = attributes();
    return attributes == null ? null : attributes.fileKey();
  }

  private BasicFileAttributes attributes() throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private boolean pause() {
    try {
      sleeper.sleep(pollInterval);
      return !Thread.currentThread().isInterrupted();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
