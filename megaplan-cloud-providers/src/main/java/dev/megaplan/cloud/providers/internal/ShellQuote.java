package dev.megaplan.cloud.providers.internal;

/**
 * POSIX single-quoting for values spliced into shell text by providers. (Core's command builders
 * own the project-wide quoting function; this copy keeps the provider module free of a dependency
 * on a class still being written, and follows the same rule: {@code '} becomes {@code '"'"'}.)
 */
public final class ShellQuote {
  private ShellQuote() {}

  /**
   * Quotes a value for POSIX sh.
   *
   * @param value any string
   * @return the value in single quotes, safe to splice into shell text
   */
  public static String quote(String value) {
    return "'" + value.replace("'", "'\"'\"'") + "'";
  }
}
