package dev.megaplan.cloud.core.internal.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.internal.json.Json;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The few chain-state fields (02) the dispatch decisions need: the reset check (03 §7) and the
 * launch verification (03 §9). Read leniently per field, as megaplan does: a malformed field takes
 * its default.
 *
 * @param completedCount entries in {@code completed}
 * @param currentMilestoneIndex {@code current_milestone_index}, -1 by default
 * @param lastState {@code last_state}
 * @param currentPlanName {@code current_plan_name}
 * @param prNumber {@code pr_number}
 */
public record StateFacts(
    int completedCount,
    int currentMilestoneIndex,
    Optional<String> lastState,
    Optional<String> currentPlanName,
    OptionalInt prNumber) {

  /**
   * The facts of a state with nothing in it.
   *
   * @return the defaults
   */
  public static StateFacts empty() {
    return new StateFacts(0, -1, Optional.empty(), Optional.empty(), OptionalInt.empty());
  }

  /**
   * Reads the facts from chain-state JSON.
   *
   * @param json the state file's text
   * @return the facts
   * @throws CloudException {@code provider_failed} when the text is not a JSON object
   */
  public static StateFacts parse(String json) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Remote chain state was not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED, "Remote chain state was not valid JSON: not a JSON object");
    }
    JsonNode completed = root.path("completed");
    JsonNode index = root.path("current_milestone_index");
    JsonNode pr = root.path("pr_number");
    return new StateFacts(
        completed.isArray() ? completed.size() : 0,
        index.isIntegralNumber() ? index.asInt() : -1,
        text(root.path("last_state")),
        text(root.path("current_plan_name")),
        pr.isIntegralNumber() && pr.canConvertToInt()
            ? OptionalInt.of(pr.asInt())
            : OptionalInt.empty());
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }
}
