package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Removes the chain state file and, when the decision names one, the plan directory {@code
 * <workspace>/.megaplan/plans/<plan>} (03 §7). Prints {@code REMOVED <index>} for each path that
 * existed and was removed, so the report's {@code removed} list holds only what really went.
 *
 * @param statePath the chain state path
 * @param workspace the chain workspace
 * @param decision a {@code reset} decision
 */
public record StateResetCommand(String statePath, String workspace, StateResetDecision decision) {
  private static final String REMOVED = "REMOVED ";

  /** Checks the components. */
  public StateResetCommand {
    Objects.requireNonNull(statePath, "statePath");
    Objects.requireNonNull(workspace, "workspace");
    if (decision.status() != StateResetDecision.Status.RESET) {
      throw new IllegalArgumentException("only a reset decision removes anything: " + decision);
    }
  }

  /**
   * The paths this command removes, in order.
   *
   * @return the state path, then the plan directory when there is one
   */
  public List<String> targets() {
    List<String> targets = new ArrayList<>();
    targets.add(statePath);
    decision.planToRemove().ifPresent(p -> targets.add(workspace + "/.megaplan/plans/" + p));
    return targets;
  }

  /**
   * The shell text.
   *
   * @return the command
   */
  public String render() {
    List<String> lines = new ArrayList<>();
    List<String> targets = targets();
    for (int i = 0; i < targets.size(); i++) {
      String path = quote(targets.get(i));
      lines.add(
          "if [ -e "
              + path
              + " ]; then rm -rf -- "
              + path
              + " && echo '"
              + REMOVED
              + i
              + "' || exit 1; fi");
    }
    return String.join("\n", lines);
  }

  /**
   * The paths removed.
   *
   * @param result what the command returned
   * @return the removed paths
   * @throws CloudException {@code provider_failed} when the removal failed
   */
  public List<String> parse(ExecResult result) {
    if (!result.succeeded()) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "state reset exited " + result.exitCode() + ": " + ProbeJson.tail(result.stderr()));
    }
    List<String> targets = targets();
    List<String> removed = new ArrayList<>();
    for (String line : result.stdout().split("\n")) {
      if (line.startsWith(REMOVED)) {
        removed.add(targets.get(Integer.parseInt(line.substring(REMOVED.length()).strip())));
      }
    }
    return List.copyOf(removed);
  }
}
