package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The level of {@code prerequisite_policy} and {@code validation_policy}. */
public enum PolicyLevel {
  /** No gate. */
  NONE,
  /** The gate must pass before the chain goes on. */
  REQUIRED;

  /**
   * The name as written in chain.yaml.
   *
   * @return {@code none} or {@code required}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
