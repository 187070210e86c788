package dev.megaplan.cloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.supervisor.Decision;
import dev.megaplan.cloud.api.supervisor.EffectOutcome;
import dev.megaplan.cloud.api.supervisor.RestartTarget;
import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.internal.remote.ChainCommand;
import dev.megaplan.cloud.core.internal.remote.MegaplanRefresh;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The executor's invariants over every decision the policy can produce (spec 05). */
class EffectExecutorTest {
  private static final RestartTarget TARGET =
      new RestartTarget(
          StatusFixtures.SESSION,
          StatusFixtures.SPEC,
          StatusFixtures.WORKSPACE,
          StatusFixtures.WORKSPACE + "/.megaplan/cloud-chain.log");
  private static final Pattern GIT_VERB = Pattern.compile("\\bgit\\b");

  private static final List<Decision> EVERY_KIND =
      List.of(
          Decision.noop(),
          Decision.done(),
          Decision.blocked("awaiting PR merge"),
          Decision.restart(TARGET),
          Decision.advance(TARGET, 101));

  private static EffectExecutor executor(ScriptedShell shell, boolean withRefresh) {
    EffectExecutor.Builder builder =
        EffectExecutor.builder(shell)
            .tmuxCommand("tmux -S '/r/.megaplan/tmux.sock'")
            .launcher("/opt/megaplan/bin/megaplan")
            .remoteRoot("/workspace");
    if (withRefresh) {
      builder.megaplanRefresh(
          Optional.of("https://example.invalid/megaplan.git"), "main", "/w/src");
    }
    return builder.build();
  }

  @Test
  void decisionsThatDoNotMutateRunNothing() {
    ScriptedShell shell = new ScriptedShell(command -> ExecResult.of(0, "restarted\n", ""));
    for (Decision decision : EVERY_KIND) {
      if (!decision.mutates()) {
        EffectOutcome outcome = executor(shell, true).execute(decision);
        assertEquals(EffectOutcome.Status.NOTHING_TO_DO, outcome.status(), decision.toString());
      }
    }
    assertEquals(List.of(), shell.commands);
  }

  @Test
  void restartsNeverRunGitOutsideMegaplansOwnChainCommandNorTouchTheChainState() {
    for (boolean withRefresh : new boolean[] {false, true}) {
      ScriptedShell shell = new ScriptedShell(command -> ExecResult.of(0, "restarted\n", ""));
      for (Decision decision : EVERY_KIND) {
        executor(shell, withRefresh).execute(decision);
      }
      assertEquals(2, shell.commands.size(), "restart and advance each run one command");
      String chainCommand =
          new ChainCommand(
                  "/opt/megaplan/bin/megaplan",
                  TARGET.remoteSpec(),
                  TARGET.chainLog(),
                  false,
                  true,
                  withRefresh
                      ? Optional.of(
                          new MegaplanRefresh(
                              Optional.of("https://example.invalid/megaplan.git"),
                              "main",
                              "/w/src"))
                      : Optional.empty())
              .render();
      for (String command : shell.commands) {
        assertTrue(command.contains("flock -n"), "restarts run under the lock: " + command);
        assertTrue(command.contains(ShellQuote.quote(chainCommand)), command);
        String outsideChain = command.replace(ShellQuote.quote(chainCommand), "<chain>");
        assertFalse(
            GIT_VERB.matcher(outsideChain).find(), "a git verb outside the chain: " + outsideChain);
        assertFalse(command.contains(ChainStatePath.statePath(TARGET.remoteSpec())));
        assertFalse(command.contains(".chains/"), command);
        assertFalse(command.contains("--force"), command);
      }
    }
  }

  @Test
  void outcomesMapTheBoxsAnswer() {
    assertEquals(
        EffectOutcome.Status.RESTARTED,
        executor(new ScriptedShell(c -> ExecResult.of(0, "restarted\n", "")), false)
            .execute(Decision.restart(TARGET))
            .status());
    assertEquals(
        EffectOutcome.Status.ALREADY_RESTARTED,
        executor(new ScriptedShell(c -> ExecResult.of(0, "already_restarted\n", "")), false)
            .execute(Decision.restart(TARGET))
            .status());
    assertEquals(
        EffectOutcome.Status.LOCKED,
        executor(new ScriptedShell(c -> ExecResult.of(75, "locked\n", "")), false)
            .execute(Decision.restart(TARGET))
            .status());
    assertEquals(
        EffectOutcome.Status.MARKER_MISMATCH,
        executor(new ScriptedShell(c -> ExecResult.of(17, "ERROR: x\n", "")), false)
            .execute(Decision.advance(TARGET, 3))
            .status());
    assertEquals(
        EffectOutcome.Status.FAILED,
        executor(new ScriptedShell(c -> ExecResult.of(1, "", "boom")), false)
            .execute(Decision.restart(TARGET))
            .status());
  }

  @Test
  void theRestartTargetsTheSessionMarkerUnderTheRoot() {
    String text = executor(new ScriptedShell(c -> null), false).restartCommandText(TARGET);
    assertTrue(
        text.contains("/workspace/.megaplan/cloud-sessions/" + StatusFixtures.SESSION + ".json"),
        text);
    assertTrue(text.contains("--one"), text);
  }

  @Test
  void anUnsafeTargetIsRefusedBeforeAnythingRuns() {
    String log = StatusFixtures.WORKSPACE + "/.megaplan/cloud-chain.log";
    List<RestartTarget> unsafe =
        List.of(
            new RestartTarget(
                "x#(touch /tmp/c)", StatusFixtures.SPEC, StatusFixtures.WORKSPACE, log),
            new RestartTarget(StatusFixtures.SESSION, StatusFixtures.SPEC, "/w/a\nb", log),
            new RestartTarget(StatusFixtures.SESSION, StatusFixtures.SPEC, "w/relative", log),
            new RestartTarget(StatusFixtures.SESSION, StatusFixtures.SPEC, "/w/../etc", log),
            new RestartTarget(
                StatusFixtures.SESSION, StatusFixtures.SPEC, StatusFixtures.WORKSPACE, "/l\u001b"),
            new RestartTarget(
                StatusFixtures.SESSION, "/s/chain\n.yaml", StatusFixtures.WORKSPACE, log));
    ScriptedShell shell = new ScriptedShell(command -> ExecResult.of(0, "restarted\n", ""));
    for (RestartTarget target : unsafe) {
      EffectOutcome outcome = executor(shell, false).execute(Decision.restart(target));
      assertEquals(EffectOutcome.Status.FAILED, outcome.status(), target.toString());
      assertTrue(
          outcome.detail().startsWith("refused, nothing was run: the restart target's "),
          outcome.detail());
    }
    assertEquals(List.of(), shell.commands);
    assertEquals(
        "refused, nothing was run: the restart target's session \"x#(touch /tmp/c)\" must use"
            + " only ASCII letters, digits, '_' and '-' (tmux expands '#' and rewrites '.' and"
            + " ':'), found '#' (U+0023) at position 1",
        executor(shell, false).execute(Decision.restart(unsafe.get(0))).detail());
  }
}
