package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * CPU and memory of the {@code kubernetes} runner's container: its {@code requests} or its {@code
 * limits}, as Kubernetes quantities ({@code 500m}, {@code 2}, {@code 4Gi}).
 */
@Value.Immutable
@JsonPropertyOrder({"cpu", "memory"})
abstract class AbstractComputeResources {
  /**
   * The CPU quantity, for example {@code 500m} or {@code 2}.
   *
   * @return the quantity, or empty for none
   */
  @JsonProperty("cpu")
  public abstract Optional<String> cpu();

  /**
   * The memory quantity, for example {@code 512Mi} or {@code 4Gi}.
   *
   * @return the quantity, or empty for none
   */
  @JsonProperty("memory")
  public abstract Optional<String> memory();
}
