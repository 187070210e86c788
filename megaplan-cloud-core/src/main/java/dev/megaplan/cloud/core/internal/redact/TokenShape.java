package dev.megaplan.cloud.core.internal.redact;

/**
 * The token shapes redacted whatever the configuration, each as a whole word: a fixed prefix
 * followed by one or more characters of a class.
 */
enum TokenShape {
  /** {@code sk-} followed by {@code [A-Za-z0-9_-]+}. */
  OPENAI("sk-", true, true),
  /** {@code ghp_} followed by {@code [A-Za-z0-9]+}. */
  GITHUB("ghp_", false, false),
  /** {@code xoxb-} followed by {@code [A-Za-z0-9-]+}. */
  SLACK("xoxb-", false, true);

  final String prefix;
  private final boolean underscore;
  private final boolean dash;

  TokenShape(String prefix, boolean underscore, boolean dash) {
    this.prefix = prefix;
    this.underscore = underscore;
    this.dash = dash;
  }

  boolean isBodyChar(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'
        || c >= '0' && c <= '9'
        || underscore && c == '_'
        || dash && c == '-';
  }
}
