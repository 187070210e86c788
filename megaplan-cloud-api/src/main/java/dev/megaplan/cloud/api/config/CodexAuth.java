package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** How Codex authenticates on the box ({@code megaplan.codex_auth}). */
public enum CodexAuth {
  /**
   * ChatGPT-subscription OAuth, seeded from the local {@code ~/.codex} and {@code ~/.hermes} (the
   * default).
   */
  CHATGPT,
  /** Standard API-key billing through {@code OPENAI_API_KEY}. */
  APIKEY;

  /**
   * The name as written in cloud.yaml.
   *
   * @return for example {@code chatgpt}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Looks a value up by the name written in cloud.yaml.
   *
   * @param wireName a name such as {@code apikey}
   * @return the value, or empty when no value has that name
   */
  public static Optional<CodexAuth> fromWireName(String wireName) {
    for (CodexAuth value : values()) {
      if (value.wireName().equals(wireName)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
