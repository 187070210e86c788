package dev.megaplan.cloud.core.internal.deploy;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The tails a deploy step carries (08 {@code deploy}): the last 20 lines, at most 4000 characters,
 * redacted. Redaction runs on the whole output first, so a secret cut in two by the tail's edge is
 * still masked.
 */
public final class DeployTails {
  /** The most lines a tail keeps. */
  public static final int MAX_LINES = 20;

  /** The most characters a tail keeps. */
  public static final int MAX_CHARS = 4000;

  private DeployTails() {}

  /**
   * The tail of some output.
   *
   * @param output the whole output of a step
   * @param redact the session's redaction
   * @return the redacted tail, or empty when the output is blank
   */
  public static Optional<String> of(String output, UnaryOperator<String> redact) {
    if (output == null || output.isBlank()) {
      return Optional.empty();
    }
    String redacted = redact.apply(output.stripTrailing());
    int start = redacted.length();
    for (int lines = 0; lines < MAX_LINES && start > 0; lines++) {
      int newline = redacted.lastIndexOf('\n', start - 1);
      start = newline < 0 ? 0 : newline;
      if (newline < 0) {
        break;
      }
    }
    String tail = redacted.substring(start).replaceFirst("^\n", "");
    if (tail.length() > MAX_CHARS) {
      tail = tail.substring(tail.length() - MAX_CHARS);
    }
    return Optional.of(tail);
  }
}
