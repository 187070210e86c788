package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The Codex reasoning level ({@code codex.reasoning}). */
public enum CodexReasoning {
  /** Least reasoning effort. */
  MINIMAL,
  /** Low reasoning effort. */
  LOW,
  /** Medium reasoning effort. */
  MEDIUM,
  /** High reasoning effort (the default). */
  HIGH;

  /**
   * The name as written in cloud.yaml.
   *
   * @return for example {@code minimal}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Looks a value up by the name written in cloud.yaml.
   *
   * @param wireName a name such as {@code high}
   * @return the value, or empty when no value has that name
   */
  public static Optional<CodexReasoning> fromWireName(String wireName) {
    for (CodexReasoning value : values()) {
      if (value.wireName().equals(wireName)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
