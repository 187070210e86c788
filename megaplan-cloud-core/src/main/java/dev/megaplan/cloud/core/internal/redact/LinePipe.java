package dev.megaplan.cloud.core.internal.redact;

/**
 * Turns a stream of characters into redacted text, line by line. A line is redacted whole once its
 * {@code \n} arrives, so a secret split across two writes is still found; a partial line is held
 * until then. A line longer than the bound is redacted in overlapping windows: each window keeps
 * back enough of its end that no name, literal value or token prefix is cut in two, and a value or
 * token that runs past a window's end is replaced and its remaining characters dropped. Memory is
 * bounded by the bound whatever the input. Mutable; one per stream, not thread-safe.
 */
public final class LinePipe {
  private final Scanner scanner;
  private final TextSink sink;
  private final int overlap;
  private final char[] line;
  private int length;
  private boolean windowed;
  private final Continuation continuation = new Continuation();

  /**
   * Creates a pipe.
   *
   * @param scanner the rules
   * @param overlap how much of a window's end the next window re-reads ({@link Rules#overlap()})
   * @param bound the longest line redacted whole, in characters; raised to at least four times the
   *     overlap
   * @param sink where redacted text goes
   */
  public LinePipe(Scanner scanner, int overlap, int bound, TextSink sink) {
    this.scanner = scanner;
    this.sink = sink;
    this.overlap = overlap;
    this.line = new char[Math.max(bound, 4 * overlap)];
  }

  /**
   * Feeds characters.
   *
   * @param chars the characters
   * @param offset where they start
   * @param count how many
   */
  public void write(char[] chars, int offset, int count) {
    int end = offset + count;
    int at = offset;
    while (at < end) {
      int newline = indexOfNewline(chars, at, end);
      int stop = newline < 0 ? end : newline;
      if (newline >= 0 && length == 0 && !windowed && stop - at <= line.length) {
        sink.emit(scanner.redact(new String(chars, at, stop - at)), true);
        at = newline + 1;
        continue;
      }
      while (at < stop) {
        if (length == line.length) {
          window();
        }
        int take = Math.min(line.length - length, stop - at);
        System.arraycopy(chars, at, line, length, take);
        length += take;
        at += take;
      }
      if (newline >= 0) {
        endLine(true);
        at = newline + 1;
      }
    }
  }

  /**
   * Feeds characters.
   *
   * @param text the characters
   */
  public void write(CharSequence text) {
    char[] chars = text.toString().toCharArray();
    write(chars, 0, chars.length);
  }

  /** Ends the stream: a held partial line is redacted and emitted without newline. */
  public void finish() {
    if (length > 0 || windowed) {
      endLine(false);
    }
  }

  private static int indexOfNewline(char[] chars, int from, int to) {
    for (int i = from; i < to; i++) {
      if (chars[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void endLine(boolean newline) {
    String text = new String(line, 0, length);
    length = 0;
    if (!windowed) {
      sink.emit(scanner.redact(text), newline);
      return;
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    int consumed = continuation.consume(text, out);
    String rest = text.substring(consumed);
    Scan scan = scanner.scan(rest, continuation.before(), true);
    Scanner.apply(rest, scan.masks, 0, rest.length(), out);
    windowed = false;
    continuation.reset();
    sink.emit(out.toString(), newline);
  }

  /** The buffer is full and holds no newline: emit what is safe, keep the rest. */
  private void window() {
    String text = new String(line, 0, length);
    StringBuilder out = new StringBuilder(text.length() + 32);
    int consumed = continuation.consume(text, out);
    if (consumed < text.length()) {
      consumed += scanWindow(text.substring(consumed), out);
    }
    System.arraycopy(line, consumed, line, 0, length - consumed);
    length -= consumed;
    windowed = true;
    sink.emit(out.toString(), false);
  }

  /** Emits the safe start of {@code text} into {@code out}; returns its length. */
  private int scanWindow(String text, StringBuilder out) {
    Scan scan = scanner.scan(text, continuation.before(), false);
    Masks masks = scan.masks;
    int length = text.length();
    int cut = Math.max(0, length - overlap);
    for (int i = 0; i < masks.size(); i++) {
      if (scan.anchor(i) < cut && masks.end(i) > cut) {
        cut = masks.end(i);
      }
    }
    if (scan.open != Open.NONE && scan.openAnchor < cut) {
      Scanner.apply(text, masks, 0, length, out);
      continuation.carry(scan, text);
      return length;
    }
    if (cut > 0 && cut < length && Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    Scanner.apply(text, masks, 0, cut, out);
    boolean atMaskEnd = false;
    for (int i = 0; i < masks.size(); i++) {
      atMaskEnd |= masks.end(i) == cut;
    }
    continuation.after(atMaskEnd ? Chars.MASK : Chars.codePointBefore(text, cut));
    return cut;
  }
}
