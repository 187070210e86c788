package dev.megaplan.cloud.core.internal.redact;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/** An input stream that reads another through a {@link BytePipe}. */
public final class RedactingInputStream extends InputStream {
  private final InputStream source;
  private final BytePipe pipe;
  private final byte[] chunk = new byte[8192];
  private byte[] ready = new byte[16384];
  private int readyStart;
  private int readyEnd;
  private boolean ended;

  /**
   * Wraps a stream.
   *
   * @param engine the rules
   * @param source the raw stream
   */
  public RedactingInputStream(Engine engine, InputStream source) {
    this.source = Objects.requireNonNull(source, "source");
    this.pipe = engine.bytePipe(this::append);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] bytes, int offset, int count) throws IOException {
    Objects.checkFromIndexSize(offset, count, bytes.length);
    if (count == 0) {
      return 0;
    }
    while (readyStart == readyEnd) {
      if (ended) {
        return -1;
      }
      int n = source.read(chunk, 0, chunk.length);
      if (n < 0) {
        ended = true;
        pipe.finish();
      } else {
        pipe.write(chunk, 0, n);
      }
    }
    int n = Math.min(count, readyEnd - readyStart);
    System.arraycopy(ready, readyStart, bytes, offset, n);
    readyStart += n;
    return n;
  }

  @Override
  public int available() {
    return readyEnd - readyStart;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  private void append(byte[] bytes, int offset, int count) {
    if (readyStart == readyEnd) {
      readyStart = readyEnd = 0;
    }
    if (ready.length - readyEnd < count) {
      System.arraycopy(ready, readyStart, ready, 0, readyEnd - readyStart);
      readyEnd -= readyStart;
      readyStart = 0;
      if (ready.length - readyEnd < count) {
        ready = Arrays.copyOf(ready, Math.max(ready.length * 2, readyEnd + count));
      }
    }
    System.arraycopy(bytes, offset, ready, readyEnd, count);
    readyEnd += count;
  }
}
