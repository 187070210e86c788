package dev.megaplan.cloud.core.internal.redact;

/**
 * The rules plus the line bound: makes the scanner and the per-stream pipes. Immutable and
 * thread-safe; the pipes it makes are not.
 */
public final class Engine {
  private final Rules rules;
  private final Scanner scanner;
  private final ByteTriggers triggers;
  private final int bound;

  /**
   * Creates an engine.
   *
   * @param rules the configured secrets
   * @param bound the longest line redacted whole (characters, or bytes for byte streams)
   */
  public Engine(Rules rules, int bound) {
    this.rules = rules;
    this.scanner = new Scanner(rules);
    this.triggers = ByteTriggers.of(rules.names(), rules.values()).orElse(null);
    this.bound = Math.max(bound, 4 * rules.overlap());
  }

  /**
   * The rules.
   *
   * @return the rules
   */
  public Rules rules() {
    return rules;
  }

  /**
   * The effective line bound: the requested one, raised to four times the window overlap.
   *
   * @return the bound
   */
  public int bound() {
    return bound;
  }

  /**
   * Redacts a complete text.
   *
   * @param text the text
   * @return the redacted text, the same instance when nothing matched
   */
  public String redact(String text) {
    return scanner.redact(text);
  }

  /**
   * A pipe for characters.
   *
   * @param sink where redacted text goes
   * @return a new pipe
   */
  public LinePipe linePipe(TextSink sink) {
    return new LinePipe(scanner, rules.overlap(), bound, sink);
  }

  /**
   * A pipe for UTF-8 bytes.
   *
   * @param sink where redacted bytes go
   * @return a new pipe
   */
  public BytePipe bytePipe(ByteSink sink) {
    return new BytePipe(scanner, triggers, rules.overlap(), bound, sink);
  }
}
