package dev.megaplan.cloud.core.internal.redact;

/**
 * Carries an unfinished construct of an over-long line from one window into the next: an assignment
 * whose separator or value has not come yet, or a value or token already replaced whose remaining
 * characters must be dropped. Mutable, one per line pipe.
 */
final class Continuation {
  private Open state = Open.NONE;
  private char quote;
  private boolean escaped;
  private boolean replaced;
  private TokenShape token;
  private int before = Chars.NONE;

  boolean active() {
    return state != Open.NONE;
  }

  /** The code point the next scanned text follows. */
  int before() {
    return before;
  }

  void reset() {
    state = Open.NONE;
    before = Chars.NONE;
  }

  /** Records what follows text that ended with {@code last} (or was replaced). */
  void after(int last) {
    before = last;
  }

  /** Starts carrying the construct a scan left open at its end. */
  void carry(Scan scan, String text) {
    state = scan.open;
    quote = scan.quote;
    escaped = scan.escaped;
    token = scan.token;
    Masks masks = scan.masks;
    int last = masks.last();
    replaced = last >= 0 && masks.end(last) == text.length();
    before = replaced ? Chars.MASK : Chars.codePointBefore(text, text.length());
  }

  /**
   * Consumes the start of the next window that belongs to the carried construct, appending its
   * redacted form to {@code out}.
   *
   * @return how many characters were consumed
   */
  int consume(String text, StringBuilder out) {
    int at = 0;
    int length = text.length();
    while (state != Open.NONE && at < length) {
      char c = text.charAt(at);
      switch (state) {
        case BEFORE_SEPARATOR:
        case AFTER_SEPARATOR:
          at = separator(text, at, out);
          break;
        case VALUE:
          if (!Chars.isValueChar(c)) {
            state = Open.NONE;
          } else {
            at++;
          }
          break;
        case TOKEN:
          if (!token.isBodyChar(c)) {
            state = Open.NONE;
          } else {
            at++;
          }
          break;
        case QUOTED:
          at += quoted(c, out);
          break;
        default:
          throw new IllegalStateException(state.name());
      }
    }
    return at;
  }

  private int separator(String text, int at, StringBuilder out) {
    char c = text.charAt(at);
    if (Chars.isSeparatorSpace(c)) {
      out.append(c);
      before = c;
      return at + 1;
    }
    if (state == Open.BEFORE_SEPARATOR && (c == '=' || c == ':')) {
      out.append(c);
      before = c;
      state = Open.AFTER_SEPARATOR;
      return at + 1;
    }
    if (state == Open.AFTER_SEPARATOR && (c == '"' || c == '\'')) {
      out.append(c);
      before = c;
      state = Open.QUOTED;
      quote = c;
      escaped = false;
      replaced = false;
      return at + 1;
    }
    if (state == Open.AFTER_SEPARATOR && Chars.isValueChar(c)) {
      out.append(Scanner.REPLACEMENT);
      before = Chars.MASK;
      state = Open.VALUE;
      return at;
    }
    state = Open.NONE;
    return at;
  }

  /** Handles one character inside a quoted value; returns 1 if it was consumed. */
  private int quoted(char c, StringBuilder out) {
    if (Chars.isLineBreak(c) || !escaped && c == quote) {
      state = Open.NONE;
      if (c == quote) {
        out.append(c);
        before = c;
        return 1;
      }
      return 0;
    }
    escaped = !escaped && quote == '"' && c == '\\';
    if (!replaced) {
      out.append(Scanner.REPLACEMENT);
      replaced = true;
      before = Chars.MASK;
    }
    return 1;
  }
}
