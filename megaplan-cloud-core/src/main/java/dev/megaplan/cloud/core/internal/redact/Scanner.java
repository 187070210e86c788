package dev.megaplan.cloud.core.internal.redact;

/**
 * The three rules of spec 06 as one scanner. Rule 1 (assignments) runs first, left to right over
 * the text; rule 2 (literal values) then replaces occurrences that do not touch a region rule 1
 * already took; rule 3 (token shapes) last, where a region already taken looks like the
 * replacement's {@code *} to a word-boundary check. The result is what applying the rules one after
 * another to the text would give. Nothing spans a line break, so a text with several lines redacts
 * exactly like its lines one by one. Immutable and thread-safe.
 */
public final class Scanner {
  /** The replacement text. */
  public static final String REPLACEMENT = "***REDACTED***";

  private static final TokenShape[] SHAPES = TokenShape.values();

  private final String[] names;
  private final String[] values;

  /**
   * Creates a scanner.
   *
   * @param rules the configured secrets
   */
  public Scanner(Rules rules) {
    this.names = rules.names();
    this.values = rules.values();
  }

  /**
   * Redacts a complete text.
   *
   * @param text the text
   * @return the redacted text; the same instance when nothing matched
   */
  public String redact(String text) {
    Masks masks = masks(text);
    return masks == null ? text : apply(text, masks, 0, text.length(), null).toString();
  }

  /**
   * The regions of a complete text that are to be replaced.
   *
   * @param text the text
   * @return the regions, or null when nothing matched
   */
  Masks masks(String text) {
    return mightMatch(text) ? candidateMasks(text) : null;
  }

  /**
   * As {@link #masks}, for a text already known to contain a name, literal value or token prefix.
   *
   * @param text the text
   * @return the regions, or null when nothing matched
   */
  Masks candidateMasks(String text) {
    return candidateMasks(text, new Scan());
  }

  /**
   * As {@link #candidateMasks(String)}, reusing a scan's storage (one per stream: the regions
   * returned live in it until its next use).
   *
   * @param text the text
   * @param scratch a scan to reuse
   * @return the regions, or null when nothing matched
   */
  Masks candidateMasks(String text, Scan scratch) {
    Scan scan = scan(text, Chars.NONE, true, scratch.reset());
    return scan.masks.isEmpty() ? null : scan.masks;
  }

  /**
   * Whether any rule could apply: a name, a literal value or a token prefix occurs.
   *
   * @param text the text
   * @return false when the text certainly needs no redaction
   */
  boolean mightMatch(String text) {
    for (TokenShape shape : SHAPES) {
      if (text.indexOf(shape.prefix) >= 0) {
        return true;
      }
    }
    for (String name : names) {
      if (text.indexOf(name) >= 0) {
        return true;
      }
    }
    for (String value : values) {
      if (text.indexOf(value) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Scans a text.
   *
   * @param text the text
   * @param before the code point just before the text, or {@link Chars#NONE}
   * @param complete false when the text may continue (a window of an over-long line)
   * @return the regions to replace and what is left open at the end
   */
  Scan scan(String text, int before, boolean complete) {
    return scan(text, before, complete, new Scan());
  }

  private Scan scan(String text, int before, boolean complete, Scan scan) {
    assignments(text, before, complete, scan);
    literals(text, scan);
    tokens(text, before, complete, scan);
    return scan;
  }

  /** Appends {@code text[from, to)} with every mask inside it replaced. */
  static StringBuilder apply(String text, Masks masks, int from, int to, StringBuilder out) {
    StringBuilder result = out != null ? out : new StringBuilder(to - from + 32);
    int at = from;
    for (int i = 0; i < masks.size(); i++) {
      int start = masks.start(i);
      if (start < from || start >= to) {
        continue;
      }
      result.append(text, at, start).append(REPLACEMENT);
      at = Math.min(masks.end(i), to);
    }
    return result.append(text, at, to);
  }

  // ---- rule 1 -------------------------------------------------------------------------------

  private void assignments(String text, int before, boolean complete, Scan scan) {
    if (names.length == 0) {
      return;
    }
    if (scan.next.length < names.length) {
      scan.next = new int[names.length];
    }
    int[] next = scan.next;
    java.util.Arrays.fill(next, 0, names.length, -2);
    int pos = 0;
    int length = text.length();
    while (pos < length) {
      int candidate = Integer.MAX_VALUE;
      for (int i = 0; i < names.length; i++) {
        if (next[i] != -1 && next[i] < pos) {
          next[i] = text.indexOf(names[i], pos);
        }
        if (next[i] >= 0) {
          candidate = Math.min(candidate, next[i]);
        }
      }
      if (candidate == Integer.MAX_VALUE) {
        return;
      }
      int resume = assignmentAt(text, candidate, before, complete, scan);
      pos = resume < 0 ? candidate + 1 : resume;
    }
  }

  /** Tries every name at {@code at}; returns where scanning resumes, or -1 when none matched. */
  private int assignmentAt(String text, int at, int before, boolean complete, Scan scan) {
    for (String name : names) {
      if (!text.startsWith(name, at) || !atWordStart(text, at, name, before)) {
        continue;
      }
      int resume = assignment(text, at, at + name.length(), complete, scan);
      if (resume >= 0) {
        return resume;
      }
    }
    return -1;
  }

  private static boolean atWordStart(String text, int at, String name, int before) {
    if (!Chars.isWord(name.codePointAt(0))) {
      return true;
    }
    int previous = at == 0 ? before : Character.codePointBefore(text, at);
    return !Chars.isWord(previous);
  }

  /** Matches spaces, separator, spaces and value after a name ending at {@code from}. */
  private static int assignment(String text, int anchor, int from, boolean complete, Scan scan) {
    int length = text.length();
    int at = skipSpaces(text, from);
    if (at == length) {
      return openOrFail(scan, Open.BEFORE_SEPARATOR, anchor, complete, length);
    }
    char separator = text.charAt(at);
    if (separator != '=' && separator != ':') {
      return -1;
    }
    at = skipSpaces(text, at + 1);
    if (at == length) {
      return openOrFail(scan, Open.AFTER_SEPARATOR, anchor, complete, length);
    }
    char first = text.charAt(at);
    if (first == '"' || first == '\'') {
      return quoted(text, anchor, at, complete, scan);
    }
    if (!Chars.isValueChar(first)) {
      return -1;
    }
    int end = at + 1;
    while (end < length && Chars.isValueChar(text.charAt(end))) {
      end++;
    }
    scan.mask(anchor, at, end);
    if (end == length && !complete) {
      scan.open(Open.VALUE, anchor);
    }
    return end;
  }

  private static int openOrFail(Scan scan, Open kind, int anchor, boolean complete, int length) {
    if (complete) {
      return -1;
    }
    scan.open(kind, anchor);
    return length;
  }

  private static int quoted(String text, int anchor, int quoteAt, boolean complete, Scan scan) {
    char quote = text.charAt(quoteAt);
    int length = text.length();
    int start = quoteAt + 1;
    int at = start;
    boolean escaped = false;
    while (at < length) {
      char c = text.charAt(at);
      if (Chars.isLineBreak(c) || !escaped && c == quote) {
        break;
      }
      escaped = !escaped && quote == '"' && c == '\\';
      at++;
    }
    if (at > start) {
      scan.mask(anchor, start, at);
    }
    if (at < length && text.charAt(at) == quote) {
      return at + 1;
    }
    if (at == length && !complete) {
      scan.open(Open.QUOTED, anchor);
      scan.quote = quote;
      scan.escaped = escaped;
    }
    return at;
  }

  private static int skipSpaces(String text, int from) {
    int at = from;
    while (at < text.length() && Chars.isSeparatorSpace(text.charAt(at))) {
      at++;
    }
    return at;
  }

  // ---- rule 2 -------------------------------------------------------------------------------

  private void literals(String text, Scan scan) {
    for (String value : values) {
      int pos = 0;
      int found;
      while ((found = text.indexOf(value, pos)) >= 0) {
        int end = found + value.length();
        if (scan.masks.overlaps(found, end)) {
          pos = found + 1;
        } else {
          scan.mask(found, found, end);
          pos = end;
        }
      }
    }
  }

  // ---- rule 3 -------------------------------------------------------------------------------

  private static void tokens(String text, int before, boolean complete, Scan scan) {
    for (TokenShape shape : SHAPES) {
      int pos = 0;
      int found;
      while ((found = text.indexOf(shape.prefix, pos)) >= 0) {
        pos = token(text, found, shape, before, complete, scan);
      }
    }
  }

  /** Matches a token shape whose prefix is at {@code at}; returns where to search on. */
  private static int token(
      String text, int at, TokenShape shape, int before, boolean complete, Scan scan) {
    Masks masks = scan.masks;
    int bodyStart = at + shape.prefix.length();
    if (masks.overlaps(at, bodyStart)) {
      return at + 1;
    }
    int previous =
        at == 0 ? before : masks.covers(at - 1) ? Chars.MASK : Character.codePointBefore(text, at);
    if (Chars.isWord(previous)) {
      return at + 1;
    }
    int length = text.length();
    int limit = masks.nextStart(bodyStart, length);
    int run = bodyStart;
    while (run < limit && shape.isBodyChar(text.charAt(run))) {
      run++;
    }
    if (run == bodyStart) {
      return at + 1;
    }
    if (run == length && !complete) {
      scan.mask(at, at, run);
      scan.open(Open.TOKEN, at);
      scan.token = shape;
      return run;
    }
    int after = run < limit ? Chars.codePointAt(text, run) : run < length ? Chars.MASK : Chars.NONE;
    int end = run;
    while (end > bodyStart) {
      int next = end == run ? after : text.charAt(end);
      if (Chars.isWord(text.charAt(end - 1)) != Chars.isWord(next)) {
        break;
      }
      end--;
    }
    if (end == bodyStart) {
      return at + 1;
    }
    scan.mask(at, at, end);
    return end;
  }
}
