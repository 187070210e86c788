package dev.megaplan.cloud.core.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.RunnerStatus;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.StateSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusProbeCommandTest {
  static final String SESSION = "megaplan-chain-probe-u_1";
  Box box;
  String ws;
  String launcher;

  @BeforeEach
  void setUp() throws Exception {
    box = new Box();
    ws = box.root.resolve("work 'space' ü").toString();
    Files.createDirectories(Path.of(ws));
    launcher = box.fakeLauncher();
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  StatusProbeCommand probe(String tmux, OptionalLong pr, Duration callTimeout) {
    return new StatusProbeCommand(
        tmux,
        launcher,
        ws + "/chain.yaml",
        ws + "/.megaplan/plans/.chains/chain-0123456789ab.json",
        ws + "/chain_state.json",
        ws + "/.megaplan/plans/.chains/chain-0123456789ab.runtime_policy.json",
        ws,
        SESSION,
        ws + "/.megaplan/cloud-chain-" + SESSION + ".log",
        pr,
        callTimeout);
  }

  StatusProbeCommand probe() {
    return probe(box.tmux, OptionalLong.empty(), Duration.ofSeconds(20));
  }

  @Test
  void presentStateAliveSessionAndPlanProbes() {
    String state =
        "{\n  \"current_milestone_index\": 0,\n  \"current_plan_name\": \"m1 plan ü\",\n  \"last_state\": \"running\"\n}\n";
    box.write("work 'space' ü/.megaplan/plans/.chains/chain-0123456789ab.json", state);
    box.write("work 'space' ü/chain.yaml", "milestones:\n- label: m1 'é'\n");
    box.write(
        "work 'space' ü/.megaplan/plans/.chains/chain-0123456789ab.runtime_policy.json",
        "{\"validation_policy\": \"required\"}");
    box.write("work 'space' ü/.megaplan/cloud-chain-" + SESSION + ".log", "12345");
    box.tmux(
        "new-session -d -s "
            + dev.megaplan.cloud.core.internal.shell.ShellQuote.quote(SESSION)
            + " 'sleep 30'");

    ExecResult result = box.exec(probe().render());
    StatusProbeResult r = StatusProbeCommand.parse(result);

    assertEquals(StateSource.HASHED, r.stateSource());
    assertEquals(Optional.of(state), r.state());
    assertEquals(Optional.of("milestones:\n- label: m1 'é'\n"), r.spec());
    assertEquals(Optional.of("{\"validation_policy\": \"required\"}"), r.runtimePolicy());
    assertEquals(RunnerStatus.ALIVE, r.runner().status());
    assertEquals(OptionalLong.of(5), r.chainLog().size());
    assertTrue(r.chainLog().mtimeEpochSeconds().getAsLong() > 1_600_000_000L);
    assertEquals(Optional.of("m1 plan ü"), r.planProbes().plan());
    assertFalse(r.needsPlanReprobe(Optional.of("m1 plan ü")));
    StatusProbeResult.CommandOutput status = r.planProbes().status().orElseThrow();
    assertEquals(0, status.exitCode());
    assertEquals(
        "{\"plan\": \"m1 plan ü\", \"status\": \"running\", \"cwd\": \"" + ws + "\"}\n",
        status.stdout());
    assertEquals("status-stderr\n", status.stderr());
    StatusProbeResult.CommandOutput verify = r.planProbes().verifyHuman().orElseThrow();
    assertEquals(3, verify.exitCode());
    assertEquals(
        "{\"semantics\": \"latest_verdict\", \"trusted\": \"1\", \"plan\": \"m1 plan ü\"}\n",
        verify.stdout());
    assertEquals(Optional.empty(), r.prState());
  }

  @Test
  void legacyStateMissingSpecDeadSessionAndMissingLog() {
    box.write("work 'space' ü/chain_state.json", "{\"current_plan_name\":\"legacy-plan\"}");

    StatusProbeResult r = StatusProbeCommand.parse(box.exec(probe().render()));

    assertEquals(StateSource.LEGACY, r.stateSource());
    assertEquals(Optional.of("{\"current_plan_name\":\"legacy-plan\"}"), r.state());
    assertEquals(Optional.empty(), r.spec());
    assertEquals(Optional.empty(), r.runtimePolicy());
    assertEquals(RunnerStatus.DEAD, r.runner().status(), r.runner().detail());
    assertTrue(r.chainLog().unavailableReason().isPresent());
    assertEquals(Optional.of("legacy-plan"), r.planProbes().plan());
  }

  @Test
  void absentStateProbesNoPlan() {
    StatusProbeResult r = StatusProbeCommand.parse(box.exec(probe().render()));

    assertEquals(StateSource.ABSENT, r.stateSource());
    assertEquals(Optional.empty(), r.state());
    assertEquals(StatusProbeResult.PlanProbes.NONE, r.planProbes());
    assertFalse(r.needsPlanReprobe(Optional.empty()));
  }

  @Test
  void escapedPlanNameIsReprobedInASecondExec() {
    box.write(
        "work 'space' ü/.megaplan/plans/.chains/chain-0123456789ab.json",
        "{\"current_plan_name\": \"say \\\"hi\\\"\"}");
    StatusProbeResult first = StatusProbeCommand.parse(box.exec(probe().render()));
    Optional<String> actual = Optional.of("say \"hi\"");
    assertTrue(first.needsPlanReprobe(actual), first.planProbes().toString());

    StatusProbeResult.PlanProbes second =
        StatusProbeCommand.parsePlanProbes(box.exec(probe().renderPlanProbes(actual)));
    StatusProbeResult merged = first.withPlanProbes(second);

    assertFalse(merged.needsPlanReprobe(actual));
    assertTrue(second.status().orElseThrow().stdout().contains("\"plan\": \"say \"hi\"\""));
  }

  @Test
  void prProbeUsesGhAndFallsBackToUnknown() {
    box.script(
        "gh-bin/gh",
        "[ \"$*\" = 'pr view 101 --json state --jq .state' ] && echo MERGED || exit 1\n");
    box.env.put("PATH", box.root.resolve("gh-bin") + ":" + System.getenv("PATH"));
    StatusProbeResult merged =
        StatusProbeCommand.parse(
            box.exec(probe(box.tmux, OptionalLong.of(101), Duration.ofSeconds(20)).render()));
    assertEquals(Optional.of("MERGED"), merged.prState());

    StatusProbeResult failing =
        StatusProbeCommand.parse(
            box.exec(probe(box.tmux, OptionalLong.of(7), Duration.ofSeconds(20)).render()));
    assertEquals(Optional.of("unknown"), failing.prState());
  }

  @Test
  void slowLauncherIsCutByTheTimeLimit() {
    launcher = box.script("bin/slow", "exec sleep 20\n");
    box.write(
        "work 'space' ü/.megaplan/plans/.chains/chain-0123456789ab.json",
        "{\"current_plan_name\": \"p\"}");

    StatusProbeResult r =
        StatusProbeCommand.parse(
            box.exec(probe(box.tmux, OptionalLong.empty(), Duration.ofSeconds(1)).render()));

    assertTrue(r.planProbes().status().orElseThrow().timedOut(), r.planProbes().toString());
  }

  @Test
  void aStepRunsBeforeTheProbeInTheSameExecAndTheProbeSeesWhatItWrote() {
    String state = ws + "/.megaplan/plans/.chains/chain-0123456789ab.json";
    box.write("work 'space' ü/.megaplan/plans/.chains/chain-0123456789ab.json", "{}");
    box.write("work 'space' ü/chain.yaml", "milestones: []\n");
    String step =
        "cat; printf '{\"current_plan_name\": \"after-step\"}' > "
            + dev.megaplan.cloud.core.internal.shell.ShellQuote.quote(state)
            + "; echo step-out; echo step-err >&2; exit 4";

    ExecResult result = box.exec(probe().renderAfter(step));

    assertEquals(
        ExecResult.of(4, "step-out\n", "step-err\n"), StatusProbeCommand.parseStep(result));
    StatusProbeResult r = StatusProbeCommand.parse(result);
    assertEquals(Optional.of("{\"current_plan_name\": \"after-step\"}"), r.state());
    assertEquals(Optional.of("after-step"), r.planProbes().plan());
  }

  @Test
  void theTwoLauncherCallsRunSideBySide() {
    // each call announces itself, then waits (up to 15 s) for the other: only calls that run at the
    // same time both see their partner; calls one after the other would report "alone"
    launcher =
        box.script(
            "bin/rendezvous",
            String.join(
                "\n",
                "me=$1; other=status; [ \"$me\" = status ] && other=verify-human",
                "touch \"started-$me\"",
                "i=0",
                "while [ ! -e \"started-$other\" ] && [ $i -lt 150 ]; do sleep 0.1; i=$((i+1)); done",
                "if [ -e \"started-$other\" ]; then echo \"$me met $other\"; else echo \"$me alone\"; fi",
                "cat",
                ""));
    box.write(
        "work 'space' ü/.megaplan/plans/.chains/chain-0123456789ab.json",
        "{\"current_plan_name\": \"p\"}");

    StatusProbeResult r = StatusProbeCommand.parse(box.exec(probe().render()));

    // and `cat` above proves neither call reads another's output or the script's stdin
    assertEquals("status met verify-human\n", r.planProbes().status().orElseThrow().stdout());
    assertEquals("verify-human met status\n", r.planProbes().verifyHuman().orElseThrow().stdout());
  }

  @Test
  void missingTmuxMakesTheRunnerUnknown() {
    StatusProbeResult r =
        StatusProbeCommand.parse(
            box.exec(
                probe("/nonexistent/tmux", OptionalLong.empty(), Duration.ofSeconds(20)).render()));

    assertEquals(RunnerStatus.UNKNOWN, r.runner().status());
    assertTrue(r.runner().detail().contains("127"), r.runner().detail());
  }
}
