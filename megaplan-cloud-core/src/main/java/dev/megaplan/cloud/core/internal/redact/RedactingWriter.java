package dev.megaplan.cloud.core.internal.redact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A writer that writes to another through a {@link LinePipe}. {@link #flush()} keeps a partial line
 * held; {@link #close()} emits it, then closes the target.
 */
public final class RedactingWriter extends Writer {
  private final Writer target;
  private final LinePipe pipe;
  private boolean closed;

  /**
   * Wraps a writer.
   *
   * @param engine the rules
   * @param target where redacted text goes
   */
  public RedactingWriter(Engine engine, Writer target) {
    this.target = Objects.requireNonNull(target, "target");
    this.pipe = engine.linePipe(this::emit);
  }

  @Override
  public void write(char[] chars, int offset, int count) throws IOException {
    Objects.checkFromIndexSize(offset, count, chars.length);
    if (closed) {
      throw new IOException("writer closed");
    }
    try {
      pipe.write(chars, offset, count);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
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
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      target.close();
    }
  }

  private void emit(String text, boolean newline) {
    try {
      target.write(text);
      if (newline) {
        target.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
