package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;

/**
 * A git repository cloned into the remote workspace ({@code repo} or an {@code extra_repos} entry).
 */
@Value.Immutable
@JsonPropertyOrder({"url", "branch", "workspace"})
abstract class AbstractRepoConfig {
  /** Git URL cloned into the workspace. */
  @JsonProperty("url")
  public abstract String url();

  /** Branch checked out on clone; {@code main} by default. */
  @JsonProperty("branch")
  @Value.Default
  public String branch() {
    return "main";
  }

  /** Absolute POSIX path of the checkout on the box. */
  @JsonProperty("workspace")
  @Value.Default
  public String workspace() {
    return "/workspace/app";
  }

  /** Whether {@link #workspace()} was written explicitly (chain launches derive one otherwise). */
  @Value.Default
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean workspaceExplicit() {
    return false;
  }
}
