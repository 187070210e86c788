package dev.megaplan.cloud.core.internal.yaml;

/** The bounds every YAML input is held to, so hostile or accidental input fails fast. */
public final class YamlLimits {
  /** Largest accepted file or text, in bytes (UTF-8) and in code points: 1 MiB. */
  public static final int MAX_BYTES = 1024 * 1024;

  /**
   * Most aliases to collections one document may use. Generous, since a chain spec may merge a
   * shared block into every milestone ({@code <<: *defaults}); the billion-laughs guard is {@link
   * #MAX_NODES}, which counts nodes with aliases followed.
   */
  public static final int MAX_COLLECTION_ALIASES = 10_000;

  /** Most nodes one document may expand to, aliases followed. */
  public static final int MAX_NODES = 100_000;

  /** Deepest nesting one document may have. */
  public static final int MAX_DEPTH = 64;

  private YamlLimits() {}
}
