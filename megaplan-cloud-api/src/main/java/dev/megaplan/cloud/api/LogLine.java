package dev.megaplan.cloud.api;

import java.util.Objects;

/**
 * One line of output relayed from the runner box (an {@code exec}, {@code bootstrap}, {@code chain}
 * or {@code resume} relay, or {@code logs}), as embedders receive it through a {@code
 * Consumer<LogLine>}. The text has already been redacted before any consumer sees it.
 *
 * <p>The text carries no line terminator (a trailing {@code \r} of a CRLF pair is dropped too).
 * {@link #complete()} is false for a fragment that is not followed by a newline: the last fragment
 * of a stream that did not end with one, or a piece of a line longer than the redaction buffer
 * bound.
 */
public final class LogLine {
  /** Which output stream of the remote process a line came from. */
  public enum Stream {
    /** The remote process's standard output. */
    STDOUT,
    /** The remote process's standard error. */
    STDERR
  }

  private final Stream stream;
  private final String text;
  private final boolean complete;

  private LogLine(Stream stream, String text, boolean complete) {
    this.stream = Objects.requireNonNull(stream, "stream");
    this.text = Objects.requireNonNull(text, "text");
    this.complete = complete;
  }

  /**
   * A complete line (one that was followed by a newline).
   *
   * @param stream where the line came from
   * @param text the redacted text, without terminator
   * @return the line
   */
  public static LogLine of(Stream stream, String text) {
    return new LogLine(stream, text, true);
  }

  /**
   * A line or fragment with an explicit completeness flag.
   *
   * @param stream where the line came from
   * @param text the redacted text, without terminator
   * @param complete whether a newline followed the text
   * @return the line
   */
  public static LogLine of(Stream stream, String text, boolean complete) {
    return new LogLine(stream, text, complete);
  }

  /**
   * Where the line came from.
   *
   * @return the stream
   */
  public Stream stream() {
    return stream;
  }

  /**
   * The redacted text, without line terminator.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * Whether a newline followed this text in the source.
   *
   * @return false for a trailing fragment or a piece of an over-long line
   */
  public boolean complete() {
    return complete;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogLine
        && ((LogLine) other).stream == stream
        && ((LogLine) other).complete == complete
        && ((LogLine) other).text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, text, complete);
  }

  @Override
  public String toString() {
    return "LogLine[" + stream + (complete ? "" : ", partial") + "]: " + text;
  }
}
