package dev.megaplan.cloud.core.internal.redact;

/**
 * Character classes of the redaction rules. A word character is a Unicode letter or digit or {@code
 * _} (Python's {@code \w} on text); whitespace is Java whitespace plus the non-breaking spaces; a
 * line break is {@code \n} or {@code \r}.
 */
final class Chars {
  /** Stands for "no character here" (start of text). Not a word character. */
  static final int NONE = -1;

  /** The character a masked region looks like to its neighbours: the replacement's '*'. */
  static final int MASK = '*';

  private Chars() {}

  static boolean isWord(int codePoint) {
    if (codePoint < 128) {
      return codePoint >= 0
          && ((codePoint | 0x20) >= 'a' && (codePoint | 0x20) <= 'z'
              || codePoint >= '0' && codePoint <= '9'
              || codePoint == '_');
    }
    return Character.isLetterOrDigit(codePoint);
  }

  static boolean isWhitespace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** Spaces around an assignment's separator: whitespace that is not a line break. */
  static boolean isSeparatorSpace(char c) {
    return c == ' ' || c == '\t' || (!isLineBreak(c) && c > ' ' && isWhitespace(c));
  }

  /** A character of an unquoted assignment value. */
  static boolean isValueChar(char c) {
    return c != '"' && c != '\'' && !isWhitespace(c);
  }

  /** The code point that ends just before {@code index}, or {@link #NONE} at the start. */
  static int codePointBefore(CharSequence text, int index) {
    return index == 0 ? NONE : Character.codePointBefore(text, index);
  }

  /** The code point starting at {@code index}, or {@link #NONE} at the end. */
  static int codePointAt(CharSequence text, int index) {
    return index >= text.length() ? NONE : Character.codePointAt(text, index);
  }
}
