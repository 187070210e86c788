package dev.megaplan.cloud.core.internal.chain;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lexical operations on absolute POSIX path strings, independent of the local platform and file
 * system: no symbolic link is resolved and nothing is read.
 */
public final class PosixPaths {
  private PosixPaths() {}

  /**
   * Normalizes an absolute path lexically: repeated slashes collapse, {@code .} segments disappear,
   * {@code ..} removes the previous segment (and stays at the root), a trailing slash is dropped.
   *
   * @param path an absolute path (starts with {@code /})
   * @return the normalized path; {@code /} for the root
   * @throws IllegalArgumentException when the path is not absolute
   */
  public static String normalize(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("not an absolute POSIX path: " + path);
    }
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.split("/", -1)) {
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

  /**
   * The parent directory of a normalized path.
   *
   * @param normalized a normalized absolute path other than the root
   * @return the parent; {@code /} for a top-level entry
   */
  public static String dirname(String normalized) {
    int slash = normalized.lastIndexOf('/');
    return slash == 0 ? "/" : normalized.substring(0, slash);
  }

  /**
   * The last segment of a normalized path.
   *
   * @param normalized a normalized absolute path
   * @return the file name; empty for the root
   */
  public static String name(String normalized) {
    return normalized.substring(normalized.lastIndexOf('/') + 1);
  }

  /**
   * A file name without its last extension, by Python's {@code PurePath.stem} rule: the extension
   * starts at the last dot, unless that dot is the first or the last character of the name.
   *
   * @param name a file name
   * @return the stem ({@code chain} for {@code chain.yaml}, {@code a.b} for {@code a.b.yaml},
   *     {@code .chain} for {@code .chain}, {@code chain} for {@code chain})
   */
  public static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && dot < name.length() - 1 ? name.substring(0, dot) : name;
  }

  /**
   * Joins a directory and a relative path.
   *
   * @param dir an absolute directory
   * @param relative a relative path
   * @return the joined path, without a doubled slash
   */
  public static String join(String dir, String relative) {
    return dir.endsWith("/") ? dir + relative : dir + "/" + relative;
  }
}
