package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;

/** The chain spec's {@code driver} block, with megaplan's defaults. */
@Value.Immutable
@JsonPropertyOrder({
  "max_stall_iterations",
  "max_iterations",
  "poll_sleep",
  "phase_timeout",
  "status_timeout",
  "on_escalate",
  "robustness",
  "auto_approve",
  "require_clean_base"
})
abstract class AbstractDriverSettings {
  /** Iterations without progress before the driver gives up ({@code stall_threshold} alias). */
  @JsonProperty("max_stall_iterations")
  @Value.Default
  public int maxStallIterations() {
    return 5;
  }

  /** Upper bound of driver iterations. */
  @JsonProperty("max_iterations")
  @Value.Default
  public int maxIterations() {
    return 200;
  }

  /** Seconds between polls. */
  @JsonProperty("poll_sleep")
  @Value.Default
  public double pollSleep() {
    return 1.0;
  }

  /** Seconds a phase may take. */
  @JsonProperty("phase_timeout")
  @Value.Default
  public double phaseTimeout() {
    return 3600;
  }

  /** Seconds a status call may take. */
  @JsonProperty("status_timeout")
  @Value.Default
  public double statusTimeout() {
    return 60;
  }

  /** {@code force-proceed}, {@code abort} or {@code fail}; unset means megaplan's own default. */
  @JsonProperty("on_escalate")
  public abstract java.util.Optional<String> onEscalate();

  /** Robustness used by the driver. */
  @JsonProperty("robustness")
  @Value.Default
  public String robustness() {
    return "standard";
  }

  /** Whether the driver approves gates automatically. */
  @JsonProperty("auto_approve")
  @Value.Default
  public boolean autoApprove() {
    return true;
  }

  /** Whether the base branch must be clean before a milestone starts. */
  @JsonProperty("require_clean_base")
  @Value.Default
  public boolean requireCleanBase() {
    return false;
  }
}
