package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** An agent megaplan can route a step to ({@code agents.default} and {@code agents.<step>}). */
public enum Agent {
  /** Anthropic's Claude Code CLI (needs {@code claude} and {@code bun} on the box). */
  CLAUDE,
  /** OpenAI's Codex CLI (needs {@code codex} on the box). */
  CODEX,
  /** megaplan's built-in Hermes agent (no agent CLI needed). */
  HERMES,
  /** The Shannon agent (runs on the Claude toolchain). */
  SHANNON;

  /**
   * The name as written in cloud.yaml.
   *
   * @return for example {@code claude}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Looks a value up by the name written in cloud.yaml.
   *
   * @param wireName a name such as {@code shannon}
   * @return the value, or empty when no value has that name
   */
  public static Optional<Agent> fromWireName(String wireName) {
    for (Agent value : values()) {
      if (value.wireName().equals(wireName)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
