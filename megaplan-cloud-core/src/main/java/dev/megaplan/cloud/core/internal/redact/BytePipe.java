package dev.megaplan.cloud.core.internal.redact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link LinePipe} for UTF-8 bytes, with two fast paths. The complete lines of one write in which
 * no rule could apply (no {@linkplain ByteTriggers trigger} occurs: no name, literal value or token
 * prefix) are found by one pass over the raw bytes and passed through byte for byte, whatever their
 * length, without being decoded; runs of them leave in one piece. Any other line that fits the
 * bound is decoded and redacted whole, and passed through byte for byte when nothing in it changes;
 * in a changed ASCII line only the replaced regions are rewritten. A longer line, with a trigger or
 * arriving over several writes, is decoded and handed to a {@link LinePipe} for windowed redaction.
 * Malformed UTF-8 in a changed or windowed line becomes U+FFFD. Mutable; one per stream.
 */
public final class BytePipe {
  private static final byte NEWLINE = '\n';
  private static final byte[] NEWLINE_BYTES = {NEWLINE};
  private static final byte[] REPLACEMENT_BYTES =
      Scanner.REPLACEMENT.getBytes(StandardCharsets.US_ASCII);

  private final Scanner scanner;
  private final ByteTriggers triggers;
  private final ByteSink sink;
  private final byte[] line;
  private int length;
  private final LinePipe longLines;
  private final Utf8Feed decoder;
  private boolean inLongLine;

  /** The scan of the line being redacted, reused from line to line. */
  private final Scan scratch = new Scan();

  /**
   * Creates a pipe.
   *
   * @param scanner the rules
   * @param triggers what a line must contain for a rule to apply; null to decode every line
   * @param overlap the window overlap ({@link Rules#overlap()})
   * @param bound the longest line redacted whole, in bytes
   * @param sink where redacted bytes go
   */
  BytePipe(Scanner scanner, ByteTriggers triggers, int overlap, int bound, ByteSink sink) {
    this.scanner = scanner;
    this.triggers = triggers;
    this.sink = sink;
    int effective = Math.max(bound, 4 * overlap);
    this.line = new byte[effective];
    this.longLines = new LinePipe(scanner, overlap, effective, this::emitDecoded);
    this.decoder = new Utf8Feed(longLines);
  }

  /**
   * Feeds bytes.
   *
   * @param bytes the bytes
   * @param offset where they start
   * @param count how many
   * @throws IOException when the sink fails
   */
  public void write(byte[] bytes, int offset, int count) throws IOException {
    try {
      feed(bytes, offset, offset + count);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Ends the stream: a held partial line is redacted and emitted without newline.
   *
   * @throws IOException when the sink fails
   */
  public void finish() throws IOException {
    try {
      if (inLongLine) {
        decoder.write(new byte[0], 0, 0, true);
        longLines.finish();
        inLongLine = false;
      } else if (length > 0) {
        emitLine(line, 0, length, false);
        length = 0;
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void feed(byte[] bytes, int from, int to) throws IOException {
    if (triggers == null) {
      feedLines(bytes, from, to);
      return;
    }
    int at = from;
    if (length > 0 || inLongLine) { // the end of a held line first
      int newline = indexOfNewline(bytes, at, to);
      int stop = newline < 0 ? to : newline + 1;
      feedLines(bytes, at, stop);
      at = stop;
    }
    int end = lastIndexOfNewline(bytes, at, to) + 1; // [at, end) holds complete lines only
    int clean = at; // start of lines known to need no change, not yet written
    for (int hit = triggers.find(bytes, clean, end); hit >= 0; ) {
      int lineStart = lastIndexOfNewline(bytes, clean, hit) + 1;
      int newline = indexOfNewline(bytes, hit, end);
      if (newline - lineStart <= line.length) {
        if (emitIfChanged(bytes, clean, lineStart, newline - lineStart, true, true)) {
          clean = newline + 1;
        }
      } else {
        flush(bytes, clean, lineStart);
        feedLines(bytes, lineStart, newline + 1);
        clean = newline + 1;
      }
      hit = triggers.find(bytes, newline + 1, end);
    }
    flush(bytes, clean, end);
    if (end < to) {
      feedLines(bytes, end, to); // a partial line: held until its newline
    }
  }

  /** Feeds bytes line by line, decoding each line. */
  private void feedLines(byte[] bytes, int from, int to) throws IOException {
    int at = from;
    int clean = from; // start of lines already known to need no change, not yet written
    while (at < to) {
      int newline = indexOfNewline(bytes, at, to);
      int stop = newline < 0 ? to : newline;
      if (inLongLine) {
        decoder.write(bytes, at, stop - at, newline >= 0);
        if (newline >= 0) {
          longLines.write(new char[] {'\n'}, 0, 1);
          inLongLine = false;
        }
        at = clean = newline < 0 ? to : newline + 1;
      } else if (newline >= 0 && length == 0 && stop - at <= line.length) {
        if (emitIfChanged(bytes, clean, at, stop - at, true, false)) {
          clean = newline + 1;
        }
        at = newline + 1;
      } else {
        flush(bytes, clean, at);
        at = clean = hold(bytes, at, stop, newline >= 0);
      }
    }
    flush(bytes, clean, at);
  }

  /** Adds {@code bytes[from, stop)} to the held line; returns where reading goes on. */
  private int hold(byte[] bytes, int from, int stop, boolean newline) throws IOException {
    if (length + (stop - from) > line.length) {
      inLongLine = true;
      decoder.write(line, 0, length, false);
      length = 0;
      return from;
    }
    System.arraycopy(bytes, from, line, length, stop - from);
    length += stop - from;
    if (!newline) {
      return stop;
    }
    emitLine(line, 0, length, true);
    length = 0;
    return stop + 1;
  }

  private void flush(byte[] bytes, int from, int to) throws IOException {
    if (to > from) {
      sink.write(bytes, from, to - from);
    }
  }

  private void emitLine(byte[] bytes, int offset, int count, boolean newline) throws IOException {
    if (!emitIfChanged(bytes, offset, offset, count, newline, false)) {
      sink.write(bytes, offset, count);
      if (newline) {
        sink.write(NEWLINE_BYTES, 0, 1);
      }
    }
  }

  /**
   * Redacts the line {@code bytes[offset, offset + count)}. When that changes it, writes the clean
   * bytes {@code bytes[clean, offset)} before it, then the redacted line (and a newline), and
   * returns true; otherwise writes nothing. {@code candidate}: the line is known to hold a trigger.
   */
  private boolean emitIfChanged(
      byte[] bytes, int clean, int offset, int count, boolean newline, boolean candidate)
      throws IOException {
    String text = new String(bytes, offset, count, StandardCharsets.UTF_8);
    Masks masks = candidate ? scanner.candidateMasks(text, scratch) : scanner.masks(text);
    if (masks == null) {
      return false;
    }
    flush(bytes, clean, offset);
    if (text.length() == count && text.indexOf('\uFFFD') < 0) {
      // ASCII: character offsets are byte offsets, so the unchanged parts are copied as bytes
      int at = offset;
      for (int i = 0; i < masks.size(); i++) {
        flush(bytes, at, offset + masks.start(i));
        sink.write(REPLACEMENT_BYTES, 0, REPLACEMENT_BYTES.length);
        at = offset + masks.end(i);
      }
      flush(bytes, at, offset + count);
      if (newline) {
        sink.write(NEWLINE_BYTES, 0, 1);
      }
    } else {
      writeRedacted(Scanner.apply(text, masks, 0, text.length(), null).toString(), newline);
    }
    return true;
  }

  private void writeRedacted(String text, boolean newline) throws IOException {
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    sink.write(encoded, 0, encoded.length);
    if (newline) {
      sink.write(NEWLINE_BYTES, 0, 1);
    }
  }

  private void emitDecoded(String text, boolean newline) {
    try {
      writeRedacted(text, newline);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last newline in {@code bytes[from, to)}, or {@code from - 1} when there is none. */
  private static int lastIndexOfNewline(byte[] bytes, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (bytes[i] == NEWLINE) {
        return i;
      }
    }
    return from - 1;
  }

  private static int indexOfNewline(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == NEWLINE) {
        return i;
      }
    }
    return -1;
  }
}
