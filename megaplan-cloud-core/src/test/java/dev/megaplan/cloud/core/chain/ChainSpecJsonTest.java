package dev.megaplan.cloud.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.core.ChainSpecYaml;
import dev.megaplan.cloud.core.internal.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chain spec renders with chain.yaml's own names and nesting. */
class ChainSpecJsonTest {
  private static JsonNode render(String yaml) {
    return Json.tree(ChainSpecYaml.parse(yaml, "chain.yaml"));
  }

  @Test
  void fieldsUseTheFilesSnakeCaseNamesAndNesting() {
    JsonNode json =
        render(
            "seed: {plan: seed-1}\n"
                + "merge_policy: manual\n"
                + "on_failure: {retry: retry_milestone, abort: stop_chain}\n"
                + "review_policy: {clean_milestone_pr: manual}\n"
                + "driver: {stall_threshold: 7}\n"
                + "milestones:\n"
                + "  - {label: m1, idea: m1.md, deepseek_provider: direct, with_prep: true,"
                + " depends_on: []}\n"
                + "  - {label: m2, idea: m2.md, depends_on: m1, phase_model: fast}\n");
    assertEquals("seed-1", json.path("seed").path("plan").asText());
    assertEquals("review", json.path("merge_policy").asText());
    assertEquals("retry_milestone", json.path("on_failure").path("retry").asText());
    assertEquals("stop_chain", json.path("on_escalate").asText());
    assertEquals("manual", json.path("review_policy").path("clean_milestone_pr").asText());
    assertEquals(7, json.path("driver").path("max_stall_iterations").asInt());
    assertEquals(200, json.path("driver").path("max_iterations").asInt());
    JsonNode m1 = json.path("milestones").path(0);
    assertEquals("direct", m1.path("deepseek_provider").asText());
    assertTrue(m1.path("with_prep").asBoolean());
    assertTrue(m1.path("prep_clarify").asBoolean());
    JsonNode m2 = json.path("milestones").path(1);
    assertEquals("m1", m2.path("depends_on").path(0).asText());
    assertEquals("fast", m2.path("phase_model").path(0).asText());
    List<String> names = new java.util.ArrayList<>();
    json.properties().forEach(entry -> names.add(entry.getKey()));
    assertEquals(
        List.of(
            "milestones",
            "seed",
            "base_branch",
            "merge_policy",
            "on_failure",
            "on_escalate",
            "prerequisite_policy",
            "validation_policy",
            "review_policy",
            "driver"),
        names);
  }
}
