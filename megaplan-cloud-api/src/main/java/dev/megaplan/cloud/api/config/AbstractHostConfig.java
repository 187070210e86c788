package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/** Settings of the {@code host} provider, which runs on this machine ({@code host}). */
@Value.Immutable
abstract class AbstractHostConfig {
  /**
   * The absolute local directory that stands for the box's {@code /workspace} ({@code host.root}),
   * {@code ~} already expanded; {@code CloudYaml} defaults it to {@code
   * ~/.megaplan/cloud/host/<repo dir name>}.
   *
   * @return the directory
   */
  @JsonProperty("root")
  public abstract String root();
}
