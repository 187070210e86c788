package dev.megaplan.cloud.api.chain;

import org.immutables.value.Value;

/** The chain spec's {@code driver} block, with megaplan's defaults. */
@Value.Immutable
abstract class AbstractDriverSettings {
  /** Iterations without progress before the driver gives up ({@code stall_threshold} alias). */
  @Value.Default
  public int maxStallIterations() {
    return 5;
  }

  /** Upper bound of driver iterations. */
  @Value.Default
  public int maxIterations() {
    return 200;
  }

  /** Seconds between polls. */
  @Value.Default
  public double pollSleep() {
    return 1.0;
  }

  /** Seconds a phase may take. */
  @Value.Default
  public double phaseTimeout() {
    return 3600;
  }

  /** Seconds a status call may take. */
  @Value.Default
  public double statusTimeout() {
    return 60;
  }

  /** {@code force-proceed}, {@code abort} or {@code fail}; unset means megaplan's own default. */
  public abstract java.util.Optional<String> onEscalate();

  /** Robustness used by the driver. */
  @Value.Default
  public String robustness() {
    return "standard";
  }

  /** Whether the driver approves gates automatically. */
  @Value.Default
  public boolean autoApprove() {
    return true;
  }

  /** Whether the base branch must be clean before a milestone starts. */
  @Value.Default
  public boolean requireCleanBase() {
    return false;
  }
}
