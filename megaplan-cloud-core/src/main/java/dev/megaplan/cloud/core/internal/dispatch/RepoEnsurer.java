package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.internal.remote.EnsureReposCommand;
import dev.megaplan.cloud.core.internal.remote.EnsureReposCommand.Checkout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ensure repos (spec 03): the primary repo into a given workspace, then every extra repo into its
 * own (translated) workspace, in one remote call.
 */
public final class RepoEnsurer {
  /** Cloning can take a while on a big repository. */
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private RepoEnsurer() {}

  /**
   * The checkouts of a launch: the primary repo at {@code primaryWorkspace}, then the extra repos.
   *
   * @param config the configuration
   * @param provider translates the extra repos' workspaces to the box
   * @param primaryWorkspace where the primary repo goes on the box
   * @return the checkouts in order
   */
  public static List<Checkout> checkouts(
      CloudConfig config, Provider provider, String primaryWorkspace) {
    List<Checkout> checkouts = new ArrayList<>();
    RepoConfig repo = config.repo();
    checkouts.add(new Checkout(repo.url(), repo.branch(), primaryWorkspace));
    for (RepoConfig extra : config.extraRepos()) {
      checkouts.add(
          new Checkout(extra.url(), extra.branch(), provider.toRemotePath(extra.workspace())));
    }
    return checkouts;
  }

  private static String lastLines(String text, int count) {
    List<String> lines = text.strip().lines().filter(line -> !line.isBlank()).toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  /**
   * Clones what is missing.
   *
   * @param shell the box's shell
   * @param checkouts the repos
   * @throws CloudException {@code provider_failed} naming every {@code url@branch into workspace}
   *     that failed
   */
  public static void ensure(RemoteShell shell, List<Checkout> checkouts) {
    EnsureReposCommand command = new EnsureReposCommand(checkouts);
    ExecResult result = shell.exec(command.render(), TIMEOUT);
    List<Checkout> failed = command.parse(result);
    if (!failed.isEmpty()) {
      List<String> names = failed.stream().map(Checkout::describe).collect(Collectors.toList());
      String gitSaid = lastLines(result.stderr(), 3);
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not clone " + String.join("; ", names) + (gitSaid.isEmpty() ? "" : ": " + gitSaid),
          Map.of("failed_repos", names, "git_stderr", gitSaid));
    }
  }
}
