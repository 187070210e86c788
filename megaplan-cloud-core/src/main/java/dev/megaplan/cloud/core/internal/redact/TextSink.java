package dev.megaplan.cloud.core.internal.redact;

/** Receives redacted text from a {@link LinePipe}, in order. */
@FunctionalInterface
public interface TextSink {
  /**
   * Takes a piece of redacted text.
   *
   * @param text redacted text without line terminator (may be empty)
   * @param newline whether a {@code \n} follows the text; false for a piece of an over-long line
   *     and for a last line without terminator
   */
  void emit(String text, boolean newline);
}
