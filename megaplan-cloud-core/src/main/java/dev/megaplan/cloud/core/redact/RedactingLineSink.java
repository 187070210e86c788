package dev.megaplan.cloud.core.redact;

/**
 * Where relayed remote output goes on its way to an embedder: feed it raw output in chunks split
 * anywhere, and it hands complete, redacted lines to its consumer (a {@code Consumer<LogLine>}). A
 * secret split across two chunks is still redacted, because a partial line is held until its
 * newline or {@link #close()}; a line longer than the redactor's bound is delivered in redacted
 * pieces marked incomplete. Every relay (exec, bootstrap, chain, resume, log following) uses one of
 * these per remote stream. Not thread-safe: feed one stream from one thread.
 *
 * <p>Obtain one from {@link dev.megaplan.cloud.core.Redactor#lineSink}.
 */
public interface RedactingLineSink extends AutoCloseable {
  /**
   * Feeds raw UTF-8 output. A character may be split across calls; malformed input becomes U+FFFD.
   *
   * @param bytes the bytes
   * @param offset where they start
   * @param count how many
   */
  void write(byte[] bytes, int offset, int count);

  /**
   * Feeds raw text output.
   *
   * @param text the text, split anywhere
   */
  void write(CharSequence text);

  /** Ends the stream: a held partial line is redacted and delivered as incomplete. Idempotent. */
  @Override
  void close();
}
