package dev.megaplan.cloud.core.internal.redact;

import java.io.IOException;

/** Receives redacted bytes from a {@link BytePipe}, in order. */
@FunctionalInterface
public interface ByteSink {
  /**
   * Takes redacted bytes. The array is only valid during the call.
   *
   * @param bytes the bytes
   * @param offset where they start
   * @param count how many
   * @throws IOException when the destination fails
   */
  void write(byte[] bytes, int offset, int count) throws IOException;
}
