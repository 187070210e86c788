package dev.megaplan.cloud.core.internal.supervisor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.api.status.RunnerState;
import dev.megaplan.cloud.api.supervisor.Observation;
import dev.megaplan.cloud.core.internal.json.Json;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The observation document of spec 05: the chain status payload (04) plus {@code pr_merge_state}
 * and {@code remote_shell}. A tick records it; {@code --replay} reads it back, so a tick recorded
 * anywhere can be replayed anywhere. Reading and writing go through one tree form.
 */
public final class ObservationJson {
  private ObservationJson() {}

  /**
   * The observation of a tick.
   *
   * @param status the chain status read during the tick
   * @param prMergeState the PR probe's answer, when probed
   * @param remoteShell whether the provider can run commands
   * @return the observation
   */
  public static Observation of(
      ChainStatus status, Optional<String> prMergeState, boolean remoteShell) {
    ObjectNode tree = (ObjectNode) Json.tree(status);
    prMergeState.ifPresent(state -> tree.put("pr_merge_state", state.toLowerCase(Locale.ROOT)));
    tree.put("remote_shell", remoteShell);
    return read(tree);
  }

  /**
   * Reads a recorded observation document.
   *
   * @param tree the document
   * @return the observation
   * @throws CloudException {@code invalid_args} when it is not an observation document
   */
  public static Observation read(JsonNode tree) {
    if (tree == null || !tree.isObject() || !tree.hasNonNull("effective_status")) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          "not an observation document: expected a JSON object with effective_status (the chain"
              + " status payload plus pr_merge_state and remote_shell)");
    }
    String statusText = tree.get("effective_status").asText();
    JsonNode pr = tree.path("pr");
    JsonNode verification = tree.path("human_verification");
    JsonNode consistency = tree.path("provider_consistency");
    Observation.Builder builder =
        Observation.builder()
            .effectiveStatus(EffectiveStatus.fromWireName(statusText))
            .effectiveStatusText(statusText)
            .providerConsistency(
                consistency.isTextual()
                    ? consistency.asText()
                    : consistency.path("status").asText("not_applicable"))
            .providerConsistencyDetail(text(consistency.path("reason")))
            .runner(RunnerState.fromWireName(tree.path("runner").path("status").asText("unknown")))
            .session(tree.path("resolved_session").asText(""))
            .remoteSpec(tree.path("spec").asText(""))
            .workspace(tree.path("resolved_workspace").asText(""))
            .chainLog(tree.path("logs").path("chain_log").path("path").asText(""))
            .prState(text(pr.path("pr_state")))
            .prMergeState(answer(tree.path("pr_merge_state")))
            .humanVerificationAvailable("available".equals(verification.path("status").asText()))
            .humanVerificationReason(text(verification.path("reason")))
            .humanVerificationPending(verification.path("pending").asInt(0))
            .humanVerificationVerified(verification.path("verified").asInt(0))
            .allDeferredMustVerified(
                verification.path("all_deferred_must_verified").asBoolean(false))
            .remoteShell(tree.path("remote_shell").asBoolean(false))
            .payload(Json.mapper().convertValue(tree, new TypeReference<Map<String, Object>>() {}));
    if (pr.path("pr_number").canConvertToInt() && !pr.path("pr_number").isNull()) {
      builder.prNumber(pr.path("pr_number").asInt());
    }
    return builder.build();
  }

  /**
   * The document form of an observation.
   *
   * @param observation the observation
   * @return its JSON tree (the payload with the two tick facts)
   */
  public static JsonNode tree(Observation observation) {
    return Json.tree(observation.payload());
  }

  /** {@code gh}'s answer as it came, even empty. */
  private static Optional<String> answer(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}
