package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;

/** What {@code mode: auto} runs on boot ({@code auto}); read only in that mode. */
@Value.Immutable
@JsonPropertyOrder({"plan_name", "idea_file", "robustness"})
abstract class AbstractAutoConfig {
  /**
   * The remote plan name ({@code auto.plan_name}).
   *
   * @return a non-empty name
   */
  @JsonProperty("plan_name")
  public abstract String planName();

  /**
   * Absolute remote path of the idea file already staged on the box ({@code auto.idea_file}).
   *
   * @return the path
   */
  @JsonProperty("idea_file")
  public abstract String ideaFile();

  /**
   * Robustness for the boot-time init fallback ({@code auto.robustness}); {@code standard} by
   * default.
   *
   * @return the robustness
   */
  @JsonProperty("robustness")
  @Value.Default
  public String robustness() {
    return "standard";
  }
}
