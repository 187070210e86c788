package dev.megaplan.cloud.providers.host.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the last lines of a file without reading all of it. */
final class LogTail {
  private static final int CHUNK = 64 * 1024;

  private LogTail() {}

  /**
   * The last {@code count} lines of the bytes {@code [0, end)}; a final line without newline
   * counts.
   */
  static List<String> lastLines(RandomAccessFile file, long end, int count) throws IOException {
    if (count <= 0 || end <= 0) {
      return List.of();
    }
    long start = end;
    int newlines = 0;
    byte[] collected = new byte[0];
    boolean endsWithNewline = byteAt(file, end - 1) == '\n';
    int needed = endsWithNewline ? count + 1 : count;
    while (start > 0 && newlines < needed) {
      int size = (int) Math.min(CHUNK, start);
      start -= size;
      byte[] chunk = new byte[size];
      file.seek(start);
      file.readFully(chunk);
      for (byte b : chunk) {
        if (b == '\n') {
          newlines++;
        }
      }
      byte[] joined = new byte[chunk.length + collected.length];
      System.arraycopy(chunk, 0, joined, 0, chunk.length);
      System.arraycopy(collected, 0, joined, chunk.length, collected.length);
      collected = joined;
    }
    int length = endsWithNewline ? collected.length - 1 : collected.length;
    List<String> lines =
        new ArrayList<>(
            Arrays.asList(
                new String(collected, 0, length, StandardCharsets.UTF_8).split("\n", -1)));
    if (start > 0 && !lines.isEmpty()) {
      lines.remove(0);
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - count), lines.size());
    List<String> result = new ArrayList<>();
    for (String line : tail) {
      result.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    return result;
  }

  /** The offset just after the last newline in {@code [0, end)}, or 0 when there is none. */
  static long afterLastNewline(RandomAccessFile file, long end) throws IOException {
    long position = end;
    byte[] chunk = new byte[CHUNK];
    while (position > 0) {
      int size = (int) Math.min(CHUNK, position);
      position -= size;
      file.seek(position);
      file.readFully(chunk, 0, size);
      for (int i = size - 1; i >= 0; i--) {
        if (chunk[i] == '\n') {
          return position + i + 1;
        }
      }
    }
    return 0;
  }

  private static int byteAt(RandomAccessFile file, long offset) throws IOException {
    file.seek(offset);
    return file.read();
  }
}
