package dev.megaplan.cloud.providers.host.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns chunks of bytes into whole lines (UTF-8, without the newline or a trailing carriage
 * return), holding a trailing partial line until its newline arrives. A line longer than the bound
 * is delivered in pieces of the bound's size.
 */
final class LineSplitter {
  static final int MAX_LINE_BYTES = 1 << 20;

  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final Consumer<String> sink;

  LineSplitter(Consumer<String> sink) {
    this.sink = sink;
  }

  void accept(byte[] bytes, int length) {
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        partial.write(bytes, start, i - start);
        emit();
        start = i + 1;
      } else if (partial.size() + (i - start) >= MAX_LINE_BYTES) {
        partial.write(bytes, start, i - start);
        emit();
        start = i;
      }
    }
    partial.write(bytes, start, length - start);
  }

  /** Delivers a held partial line, if any (the file it came from is gone or was cut). */
  void flush() {
    if (partial.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String line = partial.toString(StandardCharsets.UTF_8);
    partial.reset();
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    sink.accept(line);
  }
}
