package dev.megaplan.cloud.core.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.Agent;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreflightTest {
  @Test
  void hermesNeedsOnlyTmux() {
    assertEquals(List.of("tmux"), Preflight.requiredCommands(EnumSet.of(Agent.HERMES)));
  }

  @Test
  void codexAndShannonNeedTheirCommands() {
    assertEquals(
        List.of("tmux", "codex", "claude", "bun"),
        Preflight.requiredCommands(EnumSet.of(Agent.CODEX, Agent.SHANNON)));
    assertEquals(
        List.of("tmux", "claude", "bun"), Preflight.requiredCommands(EnumSet.of(Agent.CLAUDE)));
  }

  @Test
  void unsetAndEmptySecretsAreNamedNeverValued() {
    CloudConfig config =
        CloudConfig.builder()
            .repo(RepoConfig.builder().url("u").build())
            .secrets(List.of("A_KEY", "B_KEY", "C_KEY"))
            .build();
    Map<String, String> env = Map.of("A_KEY", "value-of-a-0123456789", "B_KEY", "");
    CloudException e =
        assertThrows(CloudException.class, () -> Preflight.requireSecrets(config, env::get));
    assertEquals(ErrorCode.CLOUD_PREFLIGHT_FAILED, e.code());
    assertEquals(List.of("B_KEY", "C_KEY"), e.context().get("missing_env"));
    assertFalse(e.getMessage().contains("value-of-a"));
  }

  @Test
  void missingCommandsAreCheckedInOneCall() {
    ScriptedShell shell = new ScriptedShell();
    shell.answer = ExecResult.of(0, "MISSING 1\n", "");
    CloudException e =
        assertThrows(
            CloudException.class, () -> Preflight.requireCommands(shell, List.of("tmux", "codex")));
    assertEquals(ErrorCode.AGENT_DEPS_MISSING, e.code());
    assertEquals(List.of("codex"), e.context().get("missing_commands"));
    assertEquals(1, shell.commands.size());
  }
}
