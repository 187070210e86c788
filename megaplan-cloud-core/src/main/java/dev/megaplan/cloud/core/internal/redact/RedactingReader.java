package dev.megaplan.cloud.core.internal.redact;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/** A reader that reads another through a {@link LinePipe}. */
public final class RedactingReader extends Reader {
  private final Reader source;
  private final LinePipe pipe;
  private final char[] chunk = new char[8192];
  private final StringBuilder ready = new StringBuilder();
  private int readyStart;
  private boolean ended;

  /**
   * Wraps a reader.
   *
   * @param engine the rules
   * @param source the raw reader
   */
  public RedactingReader(Engine engine, Reader source) {
    this.source = Objects.requireNonNull(source, "source");
    this.pipe = engine.linePipe(this::append);
  }

  @Override
  public int read(char[] chars, int offset, int count) throws IOException {
    Objects.checkFromIndexSize(offset, count, chars.length);
    if (count == 0) {
      return 0;
    }
    while (readyStart == ready.length()) {
      if (ended) {
        return -1;
      }
      ready.setLength(0);
      readyStart = 0;
      int n = source.read(chunk, 0, chunk.length);
      if (n < 0) {
        ended = true;
        pipe.finish();
      } else {
        pipe.write(chunk, 0, n);
      }
    }
    int n = Math.min(count, ready.length() - readyStart);
    ready.getChars(readyStart, readyStart + n, chars, offset);
    readyStart += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  private void append(String text, boolean newline) {
    ready.append(text);
    if (newline) {
      ready.append('\n');
    }
  }
}
