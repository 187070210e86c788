package dev.megaplan.cloud.core.internal.redact;

import dev.megaplan.cloud.api.LogLine;
import dev.megaplan.cloud.core.redact.RedactingLineSink;
import java.util.Objects;
import java.util.function.Consumer;

/** A {@link RedactingLineSink} that delivers {@link LogLine}s of one stream. */
public final class LogLineSink implements RedactingLineSink {
  private final LinePipe pipe;
  private final Utf8Feed bytes;
  private final LogLine.Stream stream;
  private final Consumer<? super LogLine> consumer;
  private boolean closed;

  /**
   * Creates a sink.
   *
   * @param engine the rules
   * @param stream the stream the lines are tagged with
   * @param consumer who receives redacted lines
   */
  public LogLineSink(Engine engine, LogLine.Stream stream, Consumer<? super LogLine> consumer) {
    this.stream = Objects.requireNonNull(stream, "stream");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.pipe = engine.linePipe(this::deliver);
    this.bytes = new Utf8Feed(pipe);
  }

  @Override
  public void write(byte[] data, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, data.length);
    checkOpen();
    bytes.write(data, offset, count, false);
  }

  @Override
  public void write(CharSequence text) {
    checkOpen();
    pipe.write(text);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      bytes.write(new byte[0], 0, 0, true);
      pipe.finish();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("line sink closed");
    }
  }

  private void deliver(String text, boolean newline) {
    String line = newline && text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    consumer.accept(LogLine.of(stream, line, newline));
  }
}
