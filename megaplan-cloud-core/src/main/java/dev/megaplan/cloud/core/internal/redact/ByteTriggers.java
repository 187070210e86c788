package dev.megaplan.cloud.core.internal.redact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The byte sequences one of which a line must contain for any rule to apply: the UTF-8 encodings of
 * the token prefixes, the secret names and the literal values (what {@link Scanner#mightMatch}
 * looks for in decoded text). Found in one pass over raw bytes, so a {@link BytePipe} passes lines
 * that contain none of them through without decoding them.
 *
 * <p>For UTF-8 text a byte match is a character match and the other way round: UTF-8 is
 * self-synchronizing, and a malformed byte decodes to U+FFFD without swallowing the well-formed
 * bytes after it. So a line the search passes over is exactly a line the scanner would leave alone,
 * unless a pattern holds U+FFFD or a lone surrogate; then there are no triggers and every line is
 * decoded.
 *
 * <p>The search looks up each pair of adjacent bytes in a table of the patterns' first two bytes,
 * four pairs at a time; only where the table says a pattern may start are the patterns compared.
 * Immutable.
 */
final class ByteTriggers {
  private final byte[][] patterns;

  /** Whether a pattern of two or more bytes starts with the bytes {@code (b0 << 8) | b1}. */
  private final boolean[] pairs = new boolean[1 << 16];

  /** Whether a pattern is the one byte {@code b}. */
  private final boolean[] singles = new boolean[1 << 8];

  private final boolean anySingle;

  /** Whether every pattern has three or more bytes (then the shift search applies). */
  private final boolean longPatterns;

  /**
   * For a window of three bytes ending at {@code e}, keyed by its last two bytes: how far the
   * window may move without passing a pattern's start (0 when one may start at {@code e - 2}).
   */
  private final byte[] shift = new byte[1 << 16];

  /** Whether {@link #shift} is 2 for a key. */
  private final boolean[] far = new boolean[1 << 16];

  private ByteTriggers(List<byte[]> patterns) {
    this.patterns = patterns.toArray(new byte[0][]);
    boolean single = false;
    for (byte[] pattern : patterns) {
      if (pattern.length == 1) {
        singles[pattern[0] & 0xff] = true;
        single = true;
      } else {
        pairs[(pattern[0] & 0xff) << 8 | (pattern[1] & 0xff)] = true;
      }
    }
    this.anySingle = single;
    boolean allLong = true;
    java.util.Arrays.fill(shift, (byte) 2);
    for (byte[] pattern : patterns) {
      if (pattern.length < 3) {
        allLong = false;
        continue;
      }
      int first = (pattern[0] & 0xff) << 8 | (pattern[1] & 0xff);
      int second = (pattern[1] & 0xff) << 8 | (pattern[2] & 0xff);
      shift[first] = (byte) Math.min(shift[first], 1);
      shift[second] = 0;
    }
    for (int key = 0; key < far.length; key++) {
      far[key] = shift[key] == 2;
    }
    this.longPatterns = allLong;
  }

  /**
   * The triggers of a scanner's rules, unless one of them cannot be matched on raw bytes.
   *
   * @param names the secret names
   * @param values the literal values
   * @return the triggers, or empty when every line must be decoded
   */
  static Optional<ByteTriggers> of(String[] names, String[] values) {
    List<byte[]> patterns = new ArrayList<>();
    for (TokenShape shape : TokenShape.values()) {
      patterns.add(shape.prefix.getBytes(StandardCharsets.US_ASCII));
    }
    for (String[] group : new String[][] {names, values}) {
      for (String text : group) {
        if (!matchableAsBytes(text)) {
          return Optional.empty();
        }
        patterns.add(text.getBytes(StandardCharsets.UTF_8));
      }
    }
    return Optional.of(new ByteTriggers(patterns));
  }

  private static boolean matchableAsBytes(String text) {
    if (text.isEmpty() || text.indexOf('\uFFFD') >= 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first position in {@code bytes[from, to)} where a trigger starts and ends before {@code
   * to}.
   *
   * @param bytes the bytes
   * @param from the first position searched
   * @param to the end of the search
   * @return the position, or -1 when no trigger occurs
   */
  int find(byte[] bytes, int from, int to) {
    if (anySingle) {
      return findBytewise(bytes, from, to);
    }
    if (longPatterns) {
      return findByShifts(bytes, from, to);
    }
    boolean[] pairs = this.pairs;
    int i = from; // a pattern may start at i when the pair bytes[i], bytes[i + 1] starts one
    while (true) {
      while (i + 4 < to) {
        int b0 = bytes[i] & 0xff;
        int b1 = bytes[i + 1] & 0xff;
        int b2 = bytes[i + 2] & 0xff;
        int b3 = bytes[i + 3] & 0xff;
        int b4 = bytes[i + 4] & 0xff;
        if (pairs[b0 << 8 | b1] | pairs[b1 << 8 | b2] | pairs[b2 << 8 | b3] | pairs[b3 << 8 | b4]) {
          break;
        }
        i += 4;
      }
      for (int limit = Math.min(i + 4, to - 1); i < limit; i++) {
        if (pairs[(bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff)] && startsAt(bytes, i, to)) {
          return i;
        }
      }
      if (i >= to - 1) {
        return -1;
      }
    }
  }

  private int findByShifts(byte[] bytes, int from, int to) {
    boolean[] far = this.far;
    byte[] shift = this.shift;
    int e = from + 2; // the window bytes[e - 2, e]; a pattern starting at p shows at e = p + 2
    while (e < to) {
      while (e + 6 < to
          && far[(bytes[e - 1] & 0xff) << 8 | (bytes[e] & 0xff)]
              & far[(bytes[e + 1] & 0xff) << 8 | (bytes[e + 2] & 0xff)]
              & far[(bytes[e + 3] & 0xff) << 8 | (bytes[e + 4] & 0xff)]
              & far[(bytes[e + 5] & 0xff) << 8 | (bytes[e + 6] & 0xff)]) {
        e += 8;
      }
      if (e >= to) {
        break;
      }
      int skip = shift[(bytes[e - 1] & 0xff) << 8 | (bytes[e] & 0xff)];
      if (skip == 0) {
        if (startsAt(bytes, e - 2, to)) {
          return e - 2;
        }
        skip = 1;
      }
      e += skip;
    }
    return -1;
  }

  /** The search when a pattern is a single byte: each position is looked at in turn. */
  private int findBytewise(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (singles[bytes[i] & 0xff]
          || i + 1 < to
              && pairs[(bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff)]
              && startsAt(bytes, i, to)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a pattern of two or more bytes occurs at {@code at}, wholly before {@code to}. */
  private boolean startsAt(byte[] bytes, int at, int to) {
    for (byte[] pattern : patterns) {
      int length = pattern.length;
      if (length < 2 || length > to - at) {
        continue;
      }
      int k = 0;
      while (k < length && pattern[k] == bytes[at + k]) {
        k++;
      }
      if (k == length) {
        return true;
      }
    }
    return false;
  }
}
