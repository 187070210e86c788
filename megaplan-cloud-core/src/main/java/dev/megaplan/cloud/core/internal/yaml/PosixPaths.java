package dev.megaplan.cloud.core.internal.yaml;

import java.util.ArrayDeque;
import java.util.Deque;

/** Lexical POSIX path helpers (no file system access). */
public final class PosixPaths {
  private PosixPaths() {}

  /**
   * Normalizes an absolute POSIX path lexically: repeated slashes, {@code .} and {@code ..}
   * segments and a trailing slash removed.
   *
   * @param path an absolute path
   * @return the normalized path, {@code /} for the root
   */
  public static String normalize(String path) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        segments.pollLast();
      } else {
        segments.addLast(segment);
      }
    }
    return "/" + String.join("/", segments);
  }
}
