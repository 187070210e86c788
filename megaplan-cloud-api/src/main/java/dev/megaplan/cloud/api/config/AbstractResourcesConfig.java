package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;

/** The box's resources ({@code resources}). */
@Value.Immutable
@JsonPropertyOrder({"volume", "port"})
abstract class AbstractResourcesConfig {
  /**
   * Provider-specific persistent volume name ({@code resources.volume}); {@code destroy} deletes it
   * only when set.
   *
   * @return the volume name, or empty
   */
  @JsonProperty("volume")
  public abstract Optional<String> volume();

  /**
   * The health server's port ({@code resources.port}); 8080 by default.
   *
   * @return a port in 1..65535
   */
  @JsonProperty("port")
  @Value.Default
  public int port() {
    return 8080;
  }
}
