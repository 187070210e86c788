package dev.megaplan.cloud.api.config;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * In-memory replacements for the primary repository's settings ({@code --repo-url}, {@code
 * --repo-branch}, {@code --repo-workspace}). Applied by {@code CloudYaml.applyOverrides}; an
 * overridden workspace must be absolute and counts as explicit.
 */
@Value.Immutable
abstract class AbstractRepoOverrides {
  /**
   * A replacement for {@code repo.url}.
   *
   * @return the URL, or empty to keep the loaded one
   */
  public abstract Optional<String> url();

  /**
   * A replacement for {@code repo.branch}.
   *
   * @return the branch, or empty to keep the loaded one
   */
  public abstract Optional<String> branch();

  /**
   * A replacement for {@code repo.workspace}.
   *
   * @return an absolute POSIX path, or empty to keep the loaded one
   */
  public abstract Optional<String> workspace();

  /**
   * Overrides that change nothing.
   *
   * @return an empty value
   */
  public static RepoOverrides none() {
    return RepoOverrides.builder().build();
  }

  /**
   * Whether these overrides change nothing.
   *
   * @return true when no field is set
   */
  public boolean isEmpty() {
    return url().isEmpty() && branch().isEmpty() && workspace().isEmpty();
  }
}
