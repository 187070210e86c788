package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;

/**
 * The Codex CLI's settings, written into {@code /root/.codex/config.toml} on boot ({@code codex}).
 */
@Value.Immutable
@JsonPropertyOrder({"model", "reasoning"})
abstract class AbstractCodexConfig {
  /**
   * The model ({@code codex.model}); {@code gpt-5.4} by default.
   *
   * @return a non-empty model name
   */
  @JsonProperty("model")
  @Value.Default
  public String model() {
    return "gpt-5.4";
  }

  /**
   * The reasoning level ({@code codex.reasoning}); {@code high} by default.
   *
   * @return the level
   */
  @JsonProperty("reasoning")
  @Value.Default
  public CodexReasoning reasoning() {
    return CodexReasoning.HIGH;
  }
}
