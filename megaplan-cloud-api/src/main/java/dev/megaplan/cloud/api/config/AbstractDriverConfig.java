package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Overrides merged into the uploaded chain spec's {@code driver} block ({@code driver}). Without a
 * {@code driver} block nothing is overridden.
 */
@Value.Immutable
abstract class AbstractDriverConfig {
  /**
   * The chain driver's stall limit ({@code driver.max_stall_iterations}, alias {@code
   * driver.stall_threshold}), when set.
   *
   * @return a positive number, or empty for no override
   */
  @JsonProperty("max_stall_iterations")
  public abstract OptionalInt maxStallIterations();
}
