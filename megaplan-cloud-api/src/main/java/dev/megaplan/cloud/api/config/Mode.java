package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What the runner's long-lived {@code agent} session launches on boot ({@code mode}). */
public enum Mode {
  /** Boot runs {@code megaplan auto} on {@code auto.plan_name}. */
  AUTO,
  /** Boot starts the chain at {@code chain.spec}. */
  CHAIN,
  /** Boot opens an idle shell; work is started with {@code bootstrap} or {@code chain}. */
  IDLE;

  /**
   * The name as written in cloud.yaml.
   *
   * @return for example {@code auto}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Looks a value up by the name written in cloud.yaml.
   *
   * @param wireName a name such as {@code idle}
   * @return the value, or empty when no value has that name
   */
  public static Optional<Mode> fromWireName(String wireName) {
    for (Mode value : values()) {
      if (value.wireName().equals(wireName)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
