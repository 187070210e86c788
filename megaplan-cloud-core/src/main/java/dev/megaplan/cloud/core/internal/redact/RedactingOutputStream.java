package dev.megaplan.cloud.core.internal.redact;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An output stream that writes to another through a {@link BytePipe}. {@link #flush()} flushes the
 * target but keeps a partial line held (emitting it would defeat split-safe redaction); {@link
 * #close()} emits the held line, then closes the target.
 */
public final class RedactingOutputStream extends OutputStream {
  private final OutputStream target;
  private final BytePipe pipe;
  private boolean closed;

  /**
   * Wraps a stream.
   *
   * @param engine the rules
   * @param target where redacted bytes go
   */
  public RedactingOutputStream(Engine engine, OutputStream target) {
    this.target = Objects.requireNonNull(target, "target");
    this.pipe = engine.bytePipe(target::write);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int count) throws IOException {
    Objects.checkFromIndexSize(offset, count, bytes.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    pipe.write(bytes, offset, count);
  }

  @Override
  public void flush() throws IOException {
    target.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      pipe.finish();
      target.flush();
    } finally {
      target.close();
    }
  }
}
