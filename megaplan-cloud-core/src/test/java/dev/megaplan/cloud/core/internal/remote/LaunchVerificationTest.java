package dev.megaplan.cloud.core.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import dev.megaplan.cloud.core.internal.remote.LaunchVerification.Status;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LaunchVerificationTest {
  static final String LOG = "/w/.megaplan/cloud-chain.log";

  static LaunchProbeCommand.Probe probe(boolean alive, String state, String... dirs) {
    return new LaunchProbeCommand.Probe(
        alive, Optional.ofNullable(state), OptionalLong.of(3), List.of(dirs));
  }

  @Test
  void aliveAndAdvancedIsOk() {
    LaunchVerification v =
        LaunchVerification.evaluate(probe(true, "{\"current_milestone_index\": 0}"), LOG, 2);
    assertEquals(Status.OK, v.status());
    assertTrue(v.advancedPastInit());
    assertEquals(2, v.attempts());
    assertEquals(Optional.empty(), v.likelyCause());
  }

  @Test
  void eachAdvanceSignalCounts() {
    assertTrue(
        LaunchVerification.evaluate(probe(true, "{\"current_plan_name\": \"p\"}"), LOG, 1)
            .advancedPastInit());
    assertTrue(
        LaunchVerification.evaluate(probe(true, "{\"completed\": [{\"label\": \"m\"}]}"), LOG, 1)
            .advancedPastInit());
    assertTrue(
        LaunchVerification.evaluate(probe(true, null, "m1-plan"), LOG, 1).advancedPastInit());
    assertFalse(
        LaunchVerification.evaluate(probe(true, "{\"current_milestone_index\": -1}"), LOG, 1)
            .advancedPastInit());
    assertFalse(LaunchVerification.evaluate(probe(true, "not json"), LOG, 1).advancedPastInit());
  }

  @Test
  void aliveButStuckAtInitIsAWarning() {
    LaunchVerification v = LaunchVerification.evaluate(probe(true, null), LOG, 6);
    assertEquals(Status.WARNING, v.status());
    assertTrue(v.likelyCause().orElseThrow().contains("init"));
  }

  @Test
  void deadWithoutAdvanceFailsAndPointsAtTheLog() {
    LaunchVerification v = LaunchVerification.evaluate(probe(false, null), LOG, 1);
    assertEquals(Status.VERIFICATION_FAILED, v.status());
    assertTrue(v.likelyCause().orElseThrow().contains("driver exited"));
    assertTrue(v.likelyCause().orElseThrow().contains(LOG));
    assertEquals("verification_failed", v.status().wireName());
  }

  @Test
  void deadAfterAdvancingIsAWarning() {
    assertEquals(
        Status.WARNING,
        LaunchVerification.evaluate(probe(false, "{\"current_plan_name\": \"p\"}"), LOG, 1)
            .status());
  }

  /** A scripted shell: answers in order, records every command. */
  static final class ScriptedShell implements RemoteShell {
    final Deque<ExecResult> answers = new ArrayDeque<>();
    final List<String> commands = new ArrayList<>();

    @Override
    public ExecResult exec(String command, Duration timeout) {
      commands.add(command);
      return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    @Override
    public void upload(List<Upload> uploads) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> read(String remotePath) {
      throw new UnsupportedOperationException();
    }
  }

  static ExecResult answer(boolean alive, String stateB64) {
    return ExecResult.of(
        0,
        "{\"session_alive\": "
            + alive
            + ", \"state\": "
            + stateB64
            + ", \"chain_log_size\": null, \"plan_dirs\": []}\n",
        "");
  }

  static final LaunchProbeCommand PROBE =
      new LaunchProbeCommand("tmux", "megaplan-chain", "/s.json", "/w", LOG);

  @Test
  void verifierPollsUntilOkWithoutSleepingForReal() {
    ScriptedShell shell = new ScriptedShell();
    shell.answers.add(answer(true, "null"));
    shell.answers.add(answer(true, "null"));
    shell.answers.add(
        answer(true, "\"eyJjdXJyZW50X3BsYW5fbmFtZSI6ICJwIn0=\"")); // {"current_plan_name": "p"}
    List<Duration> sleeps = new ArrayList<>();

    LaunchVerification v =
        new LaunchVerifier(shell, sleeps::add, 6, Duration.ofSeconds(5), Duration.ofSeconds(30))
            .verify(PROBE);

    assertEquals(Status.OK, v.status());
    assertEquals(3, v.attempts());
    assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5)), sleeps);
    assertEquals(3, shell.commands.size());
  }

  @Test
  void verifierStopsAtADeadSessionAndGivesUpAfterTheAttempts() {
    ScriptedShell dead = new ScriptedShell();
    dead.answers.add(answer(false, "null"));
    LaunchVerification v =
        new LaunchVerifier(dead, d -> {}, 6, Duration.ofSeconds(5), Duration.ofSeconds(30))
            .verify(PROBE);
    assertEquals(Status.VERIFICATION_FAILED, v.status());
    assertEquals(1, v.attempts());

    ScriptedShell stuck = new ScriptedShell();
    stuck.answers.add(answer(true, "null"));
    LaunchVerification w =
        new LaunchVerifier(stuck, d -> {}, 4, Duration.ofSeconds(1), Duration.ofSeconds(30))
            .verify(PROBE);
    assertEquals(Status.WARNING, w.status());
    assertEquals(4, w.attempts());
  }

  @Test
  void unreadableProbeIsUnparseable() {
    ScriptedShell garbage = new ScriptedShell();
    garbage.answers.add(ExecResult.of(1, "bash: oops", "boom"));
    LaunchVerification v =
        new LaunchVerifier(garbage, d -> {}, 2, Duration.ofSeconds(1), Duration.ofSeconds(30))
            .verify(PROBE);
    assertEquals(Status.VERIFICATION_UNPARSEABLE, v.status());
    assertEquals(2, v.attempts());
  }

  @Test
  void realProbeSeesSessionStateAndPlanDirs() throws Exception {
    try (Box box = new Box()) {
      String ws = box.root.resolve("w 'ü'").toString();
      box.write("w 'ü'/.megaplan/plans/.chains/c-1.json", "{\"current_milestone_index\": 0}");
      Files.createDirectories(Path.of(ws, ".megaplan/plans/m1 plan 'é'"));
      Files.createDirectories(Path.of(ws, ".megaplan/plans/.hidden"));
      box.write("w 'ü'/.megaplan/cloud-chain.log", "abc\n");
      box.tmux("new-session -d -s " + ShellQuote.quote("megaplan-chain-v") + " 'sleep 30'");
      LaunchProbeCommand command =
          new LaunchProbeCommand(
              box.tmux,
              "megaplan-chain-v",
              ws + "/.megaplan/plans/.chains/c-1.json",
              ws,
              ws + "/.megaplan/cloud-chain.log");

      LaunchProbeCommand.Probe p = LaunchProbeCommand.parse(box.exec(command.render()));

      assertTrue(p.sessionAlive());
      assertEquals(Optional.of("{\"current_milestone_index\": 0}"), p.state());
      assertEquals(OptionalLong.of(4), p.chainLogSize());
      assertEquals(List.of("m1 plan 'é'", ".hidden"), p.planDirs());
      assertEquals(Status.OK, LaunchVerification.evaluate(p, command.chainLogPath(), 1).status());

      box.tmux("kill-server");
      LaunchProbeCommand.Probe gone =
          LaunchProbeCommand.parse(
              box.exec(
                  new LaunchProbeCommand(
                          box.tmux,
                          "megaplan-chain-v",
                          ws + "/none.json",
                          ws + "/nowhere",
                          ws + "/no.log")
                      .render()));
      assertFalse(gone.sessionAlive());
      assertEquals(Optional.empty(), gone.state());
      assertEquals(OptionalLong.empty(), gone.chainLogSize());
      assertEquals(List.of(), gone.planDirs());
      assertEquals(Status.VERIFICATION_FAILED, LaunchVerification.evaluate(gone, "l", 1).status());
    }
  }
}
