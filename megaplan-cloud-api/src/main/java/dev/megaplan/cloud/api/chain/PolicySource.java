package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an effective chain policy came from. */
public enum PolicySource {
  /** At least one setting was taken from the runtime-policy overrides file. */
  RUNTIME_OVERRIDE,
  /** Every setting comes from chain.yaml. */
  CHAIN_YAML;

  /**
   * The name used in JSON output.
   *
   * @return {@code runtime_override} or {@code chain_yaml}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
