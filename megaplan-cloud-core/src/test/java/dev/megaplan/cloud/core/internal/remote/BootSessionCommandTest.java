package dev.megaplan.cloud.core.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.CloudYaml;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootSessionCommandTest {
  private static Optional<BootSessionCommand> boot(String yaml) {
    CloudConfig config = CloudYaml.parse("repo: {url: https://x/app.git}\n" + yaml);
    return BootSessionCommand.forConfig(config, "tmux", path -> "/box" + path);
  }

  @Test
  void idleStartsNothing() {
    assertEquals(Optional.empty(), boot("mode: idle\n"));
  }

  @Test
  void chainModeRunsTheChainFromTheTranslatedSpec() {
    BootSessionCommand command = boot("mode: chain\nchain: {spec: /workspace/app/c.yaml}\n").get();
    assertEquals("/box/workspace/app/c.yaml", command.requiredFile());
    assertEquals("/box/workspace/app", command.workspace());
    assertTrue(command.runner().endsWith("chain start --spec '/box/workspace/app/c.yaml'"));
    assertEquals("/box/workspace/app/.megaplan/cloud-chain-agent.log", command.log());
  }

  @Test
  void autoModeInitsAMissingPlanThenRunsAuto() {
    BootSessionCommand command =
        boot("mode: auto\nauto: {plan_name: p1, idea_file: /workspace/idea.md}\n").get();
    assertEquals("/box/workspace/idea.md", command.requiredFile());
    assertTrue(command.runner().contains("[ -d '/box/workspace/app/.megaplan/plans/p1' ] ||"));
    assertTrue(command.runner().contains(" init --project-dir '/box/workspace/app'"));
    assertTrue(command.runner().endsWith(" auto --plan 'p1'"));
  }

  @Test
  void answersAreReadFromTheLastLine() {
    assertEquals("started", BootSessionCommand.parse(ExecResult.of(0, "started\n", "")));
    assertEquals(
        "failed (exit 1): no tmux", BootSessionCommand.parse(ExecResult.of(1, "", "no tmux\n")));
  }
}
