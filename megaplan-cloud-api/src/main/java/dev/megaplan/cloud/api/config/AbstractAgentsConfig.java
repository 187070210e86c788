package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Agent routing ({@code agents}): a default agent plus optional per-step overrides. Renders as the
 * file does: {@code {"default": "codex", "plan": "claude"}}.
 */
@Value.Immutable
abstract class AbstractAgentsConfig {
  /** The megaplan step names that may carry an override, in megaplan's order. */
  public static final List<String> STEPS =
      List.of(
          "plan",
          "prep",
          "critique",
          "critique_evaluator",
          "revise",
          "gate",
          "finalize",
          "execute",
          "review",
          "feedback",
          "loop_plan",
          "loop_execute",
          "tiebreaker_researcher",
          "tiebreaker_challenger");

  /**
   * The agent for every step without an override ({@code agents.default}); {@code codex} by
   * default.
   *
   * @return the default agent
   */
  @JsonProperty("default")
  @Value.Default
  public Agent defaultAgent() {
    return Agent.CODEX;
  }

  /**
   * Per-step overrides ({@code agents.<step>}), keyed by a name from {@link #STEPS}, in file order.
   *
   * @return the overrides
   */
  @JsonAnyGetter
  public abstract Map<String, Agent> steps();

  /**
   * The agent a step is routed to: its override, else the default.
   *
   * @param step a step name such as {@code execute}
   * @return the agent
   */
  public Agent agentFor(String step) {
    return steps().getOrDefault(step, defaultAgent());
  }

  /**
   * Every agent some step routes to: the default (when a step uses it) and every override.
   *
   * @return the agents in use
   */
  public Set<Agent> agentsInUse() {
    EnumSet<Agent> used = EnumSet.noneOf(Agent.class);
    for (String step : STEPS) {
      used.add(agentFor(step));
    }
    return used;
  }

  @Value.Check
  void check() {
    for (String step : steps().keySet()) {
      if (!STEPS.contains(step)) {
        throw new IllegalStateException("not a megaplan step: " + step);
      }
    }
  }
}
