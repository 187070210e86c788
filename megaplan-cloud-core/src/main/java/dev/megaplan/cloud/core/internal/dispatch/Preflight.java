package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.Agent;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.internal.remote.DependencyCheckCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The launch preflight checks of 03 §4 that are not "ensure repos": every configured secret set
 * locally, and the commands the routed agents need present on the box (one remote call).
 */
public final class Preflight {
  private static final Duration DEPENDENCY_TIMEOUT = Duration.ofSeconds(30);

  private Preflight() {}

  /**
   * Fails when a secret named in cloud.yaml is unset (or empty) locally. Names only, never values.
   *
   * @param config the configuration
   * @param environment the local environment lookup
   * @throws CloudException {@code cloud_preflight_failed} with {@code missing_env}
   */
  public static void requireSecrets(CloudConfig config, Function<String, String> environment) {
    List<String> missing = new ArrayList<>();
    for (String name : config.secrets()) {
      String value = environment.apply(name);
      if (value == null || value.isEmpty()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new CloudException(
          ErrorCode.CLOUD_PREFLIGHT_FAILED,
          "Secrets named in cloud.yaml are not set locally: " + String.join(", ", missing),
          Map.of("missing_env", List.copyOf(missing)));
    }
  }

  /**
   * The commands the box needs: {@code tmux} always, {@code codex} when a step routes to codex,
   * {@code claude} and {@code bun} when one routes to claude or shannon; hermes needs none.
   *
   * @param agents the agents some step routes to
   * @return the command names, in that order
   */
  public static List<String> requiredCommands(Set<Agent> agents) {
    List<String> commands = new ArrayList<>(List.of("tmux"));
    if (agents.contains(Agent.CODEX)) {
      commands.add("codex");
    }
    if (agents.contains(Agent.CLAUDE) || agents.contains(Agent.SHANNON)) {
      commands.add("claude");
      commands.add("bun");
    }
    return commands;
  }

  /**
   * Checks the required commands on the box in one call.
   *
   * @param shell the box's shell
   * @param commands the command names
   * @throws CloudException {@code agent_deps_missing} with {@code missing_commands}
   */
  public static void requireCommands(RemoteShell shell, List<String> commands) {
    DependencyCheckCommand check = new DependencyCheckCommand(commands);
    List<String> missing = check.parse(shell.exec(check.render(), DEPENDENCY_TIMEOUT));
    if (!missing.isEmpty()) {
      throw new CloudException(
          ErrorCode.AGENT_DEPS_MISSING,
          "Commands the configured agents need are missing on the box: "
              + String.join(", ", missing),
          Map.of("missing_commands", missing));
    }
  }
}
