package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The runner image ({@code image}): the base the rendered Dockerfile builds from, or a prebuilt
 * image that {@code deploy} runs instead of building one.
 */
@Value.Immutable
@JsonPropertyOrder({"base", "ref"})
abstract class AbstractImageConfig {
  /** The base image of the rendered Dockerfile when none is set. */
  public static final String DEFAULT_BASE = "ubuntu:24.04";

  /**
   * The {@code FROM} image of the rendered Dockerfile ({@code image.base}); {@value #DEFAULT_BASE}
   * by default. A registry mirror or a hardened base goes here.
   *
   * @return a Docker image reference
   */
  @JsonProperty("base")
  @Value.Default
  public String base() {
    return DEFAULT_BASE;
  }

  /**
   * A prebuilt runner image ({@code image.ref}): when set, {@code build} builds nothing and {@code
   * deploy} runs this image.
   *
   * @return a Docker image reference, or empty to build the runner from the deploy directory
   */
  @JsonProperty("ref")
  public abstract Optional<String> ref();
}
