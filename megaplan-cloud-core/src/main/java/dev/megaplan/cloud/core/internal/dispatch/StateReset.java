package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.internal.remote.StateFacts;
import dev.megaplan.cloud.core.internal.remote.StateResetCommand;
import dev.megaplan.cloud.core.internal.remote.StateResetDecision;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state reset check of 03 §7: read the chain state, decide, and remove it (with the current
 * plan's directory) when the decision says so.
 *
 * @param decision the decision
 * @param removed the paths really removed
 * @param keptState the state's facts when it was preserved
 */
public record StateReset(
    StateResetDecision decision, List<String> removed, Optional<StateFacts> keptState) {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Copies the list. */
  public StateReset {
    removed = List.copyOf(removed);
  }

  /**
   * Runs the check.
   *
   * @param shell the box's shell
   * @param statePath the chain state path
   * @param workspace the chain workspace
   * @param fresh whether {@code --fresh} was given
   * @return what happened
   * @throws CloudException {@code provider_failed} when the state is not JSON (and not {@code
   *     --fresh}) or the removal failed
   */
  public static StateReset run(
      RemoteShell shell, String statePath, String workspace, boolean fresh) {
    Optional<String> text = shell.read(statePath);
    Optional<StateFacts> facts;
    try {
      facts = text.map(StateFacts::parse);
    } catch (CloudException e) {
      if (!fresh) {
        throw e;
      }
      facts = Optional.of(StateFacts.empty());
    }
    StateResetDecision decision = StateResetDecision.decide(facts, fresh);
    if (decision.status() != StateResetDecision.Status.RESET) {
      return new StateReset(
          decision,
          List.of(),
          decision.status() == StateResetDecision.Status.PRESERVED ? facts : Optional.empty());
    }
    StateResetCommand command = new StateResetCommand(statePath, workspace, decision);
    return new StateReset(
        decision, command.parse(shell.exec(command.render(), TIMEOUT)), Optional.empty());
  }

  /**
   * The report's {@code state_reset} object.
   *
   * @return {@code {status, reason, removed}}
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", decision.status().wireName());
    json.put("reason", decision.reason());
    json.put("removed", removed);
    return json;
  }
}
