package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.Milestone;
import dev.megaplan.cloud.api.config.Agent;
import dev.megaplan.cloud.api.config.AgentsConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which agent each megaplan phase of each milestone routes to, and what that needs on the box: the
 * launch report's {@code chain.resolved_phase_map_summary}, one entry per milestone {@code {label,
 * profile, explicit_phase_model, resolved_phase_map, required_agents, runtime_commands, env_hints,
 * provider_requirements}} as the Python tool reports it.
 *
 * <p>A phase routes to the milestone's own {@code phase_model} entry {@code <phase>=<agent spec>}
 * (the first one for that phase), else to cloud.yaml's {@code agents} routing. megaplan's profiles
 * are not expanded (their definitions live in megaplan, on the box), so a milestone that relies on
 * its {@code profile} for routing shows cloud.yaml's routing for those phases.
 */
public final class PhaseMapSummary {
  private PhaseMapSummary() {}

  /**
   * The summary of a chain.
   *
   * @param spec the chain spec
   * @param agents cloud.yaml's agent routing
   * @return one entry per milestone, in order
   */
  public static List<Map<String, Object>> of(ChainSpec spec, AgentsConfig agents) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Milestone milestone : spec.milestones()) {
      out.add(milestone(milestone, agents));
    }
    return out;
  }

  /**
   * Every agent some phase of some milestone routes to (cloud.yaml's routing included).
   *
   * @param spec the chain spec
   * @param agents cloud.yaml's agent routing
   * @return the agents this project knows
   */
  public static Set<Agent> agentsInUse(ChainSpec spec, AgentsConfig agents) {
    Set<Agent> used = EnumSet.noneOf(Agent.class);
    used.addAll(agents.agentsInUse());
    for (Milestone milestone : spec.milestones()) {
      for (String route : resolvedMap(milestone, agents).values()) {
        Agent.fromWireName(agentOf(route)).ifPresent(used::add);
      }
    }
    return used;
  }

  private static Map<String, Object> milestone(Milestone milestone, AgentsConfig agents) {
    Map<String, String> resolved = resolvedMap(milestone, agents);
    Set<String> required = new TreeSet<>();
    Set<String> commands = new TreeSet<>();
    Set<String> envHints = new TreeSet<>();
    List<Map<String, Object>> providerRequirements = new ArrayList<>();
    for (String route : resolved.values()) {
      String agent = agentOf(route);
      required.add(agent);
      commands.addAll(commandsOf(agent));
      envHints.addAll(envHintsOf(agent));
      if (agent.equals("hermes")) {
        Map<String, Object> requirement = hermesRequirement(route);
        providerRequirements.add(requirement);
        @SuppressWarnings("unchecked")
        List<String> hints = (List<String>) requirement.get("env_hints");
        envHints.addAll(hints);
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", milestone.label());
    json.put("profile", milestone.profile().orElse(null));
    json.put("explicit_phase_model", milestone.phaseModel());
    json.put("resolved_phase_map", resolved);
    json.put("required_agents", List.copyOf(required));
    json.put("runtime_commands", List.copyOf(commands));
    json.put("env_hints", List.copyOf(envHints));
    json.put("provider_requirements", providerRequirements);
    return json;
  }

  private static Map<String, String> resolvedMap(Milestone milestone, AgentsConfig agents) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String entry : milestone.phaseModel()) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        overrides.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    Map<String, String> resolved = new LinkedHashMap<>();
    for (String step : AgentsConfig.STEPS) {
      resolved.put(step, overrides.getOrDefault(step, agents.agentFor(step).wireName()));
    }
    return resolved;
  }

  /** The agent of an agent spec {@code <agent>[:<model>][:<effort>]}. */
  private static String agentOf(String route) {
    int colon = route.indexOf(':');
    return colon < 0 ? route : route.substring(0, colon);
  }

  private static List<String> commandsOf(String agent) {
    return switch (agent) {
      case "claude", "shannon" -> List.of("bun", "claude", "tmux");
      case "codex" -> List.of("codex", "tmux");
      default -> List.of();
    };
  }

  private static List<String> envHintsOf(String agent) {
    return switch (agent) {
      case "claude", "shannon" -> List.of("ANTHROPIC_API_KEY");
      case "codex" -> List.of("OPENAI_API_KEY");
      default -> List.of();
    };
  }

  /** hermes routes name a model {@code <provider>:<model>} after the agent. */
  private static Map<String, Object> hermesRequirement(String route) {
    int colon = route.indexOf(':');
    String model = colon < 0 ? null : route.substring(colon + 1);
    String provider = null;
    if (model != null && model.indexOf(':') >= 0) {
      provider = model.substring(0, model.indexOf(':'));
      model = model.substring(model.indexOf(':') + 1);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("agent", "hermes");
    json.put("provider", provider);
    json.put("model", model);
    json.put(
        "env_hints",
        switch (provider == null ? "" : provider) {
          case "deepseek" -> List.of("DEEPSEEK_API_KEY");
          case "fireworks" -> List.of("FIREWORKS_API_KEY");
          default -> List.of();
        });
    return json;
  }
}
