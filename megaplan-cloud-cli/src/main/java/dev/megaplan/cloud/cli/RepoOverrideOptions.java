package dev.megaplan.cloud.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --repo-url}, {@code --repo-branch}, {@code --repo-workspace}: in-memory overrides of
 * {@code repo}.
 */
public final class RepoOverrideOptions {
  @Option(names = "--repo-url", paramLabel = "URL", description = "Override repo.url.")
  String url;

  @Option(names = "--repo-branch", paramLabel = "BRANCH", description = "Override repo.branch.")
  String branch;

  @Option(
      names = "--repo-workspace",
      paramLabel = "PATH",
      description = "Override repo.workspace (absolute; counts as explicit).")
  String workspace;

  /**
   * The URL override.
   *
   * @return the value, if given
   */
  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  /**
   * The branch override.
   *
   * @return the value, if given
   */
  public Optional<String> branch() {
    return Optional.ofNullable(branch);
  }

  /**
   * The workspace override.
   *
   * @return the value, if given
   */
  public Optional<String> workspace() {
    return Optional.ofNullable(workspace);
  }
}
