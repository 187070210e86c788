package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;

/**
 * A git repository cloned into the remote workspace ({@code repo} or an {@code extra_repos} entry).
 */
@Value.Immutable
@JsonPropertyOrder({"url", "branch", "workspace"})
abstract class AbstractRepoConfig {
  /**
   * Git URL cloned into the workspace ({@code url}).
   *
   * @return a non-empty URL
   */
  @JsonProperty("url")
  public abstract String url();

  /**
   * Branch checked out on clone ({@code branch}); {@code main} by default.
   *
   * @return the branch
   */
  @JsonProperty("branch")
  @Value.Default
  public String branch() {
    return "main";
  }

  /**
   * Absolute POSIX path of the checkout on the box ({@code workspace}); {@code /workspace/app} by
   * default for the primary repository. Extra repositories always set it.
   *
   * @return the workspace path
   */
  @JsonProperty("workspace")
  @Value.Default
  public String workspace() {
    return "/workspace/app";
  }

  /**
   * Whether {@link #workspace()} was written explicitly (in the file or by an override). Chain
   * launches derive a per-chain workspace only when it was not.
   *
   * @return true when the workspace was set explicitly
   */
  @Value.Default
  @JsonIgnore
  public boolean workspaceExplicit() {
    return false;
  }
}
