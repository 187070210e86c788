package dev.megaplan.cloud.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code merge_policy: review} (and its alias {@code manual}): the chain stops after each milestone
 * with an open PR, and moves on only when a stand-in {@code gh} first on the PATH answers MERGED.
 */
class ReviewMergePolicyTest {
  @TempDir Path temp;
  private Path ghAnswer;
  private Path ghCalls;
  private Path bin;

  @BeforeEach
  void installStandInGh() throws IOException {
    bin = Files.createDirectories(temp.resolve("bin"));
    ghAnswer = temp.resolve("gh-answer");
    ghCalls = temp.resolve("gh-calls");
    Path gh = bin.resolve("gh");
    Files.writeString(
        gh,
        "#!/bin/sh\n"
            + "printf '%s|%s\\n' \"$PWD\" \"$*\" >> '"
            + ghCalls
            + "'\n"
            + "cat '"
            + ghAnswer
            + "'\n");
    Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
    answer("OPEN");
  }

  private void answer(String state) throws IOException {
    Files.writeString(ghAnswer, state + "\n");
  }

  private ChainWorkspace workspace(String policy, String... scenario) {
    String[] extra = new String[scenario.length + 1];
    extra[0] = "merge_policy: " + policy;
    System.arraycopy(scenario, 0, extra, 1, scenario.length);
    return ChainWorkspace.create(
        temp.resolve("app"), ChainWorkspace.spec(List.of("m1", "m2"), extra));
  }

  private EmulatorProcess.Result start(ChainWorkspace ws, String... more) {
    return ws.emulator().withPathFirst(bin).run(ws.chainStartArgs(more));
  }

  @Test
  void aReviewedMilestoneStopsAwaitingItsPrMerge() {
    ChainWorkspace ws = workspace("review", "emulator: {step_ms: 10}");

    EmulatorProcess.Result result = start(ws);

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("0 m1-plan awaiting_pr_merge [m1]", ChainDrivingTest.summary(ws.state()));
    assertEquals(100L, ws.state().get("pr_number"));
    assertEquals("open", ws.state().get("pr_state"));
    assertTrue(result.stdout().contains("PR #100 open, awaiting merge"), result.stdout());
  }

  @Test
  void anOpenPrKeepsTheChainWaiting() throws IOException {
    ChainWorkspace ws = workspace("review", "emulator: {step_ms: 10}");
    start(ws);
    answer("OPEN");

    EmulatorProcess.Result result = start(ws);

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("0 m1-plan awaiting_pr_merge [m1]", ChainDrivingTest.summary(ws.state()));
    assertEquals("open", ws.state().get("pr_state"));
    assertEquals(
        List.of(ws.directory() + "|pr view 100 --json state --jq .state"),
        Files.readAllLines(ghCalls),
        "gh is asked once, in the workspace, exactly as megaplan asks");
  }

  @Test
  void aMergedPrAdvancesToTheNextMilestone() throws IOException {
    ChainWorkspace ws = workspace("manual", "emulator:", "  step_ms: 10", "  pr_number_base: 40");
    start(ws);
    answer("MERGED");

    EmulatorProcess.Result second = start(ws);

    assertEquals(0, second.exitCode(), second.toString());
    assertEquals("1 m2-plan awaiting_pr_merge [m1, m2]", ChainDrivingTest.summary(ws.state()));
    assertEquals(41L, ws.state().get("pr_number"), "pr_number = base + index");
    assertEquals("open", ws.state().get("pr_state"));

    EmulatorProcess.Result third = start(ws);

    assertEquals(0, third.exitCode(), third.toString());
    assertEquals("2 null complete [m1, m2]", ChainDrivingTest.summary(ws.state()));
    assertEquals("merged", ws.state().get("pr_state"));
  }

  @Test
  void withOneTheMergeCheckIsTheWholeStep() throws IOException {
    ChainWorkspace ws = workspace("review", "emulator: {step_ms: 10}");
    start(ws, "--one");
    answer("MERGED");

    EmulatorProcess.Result result = start(ws, "--one");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("0 m1-plan done [m1]", ChainDrivingTest.summary(ws.state()));
    assertEquals("merged", ws.state().get("pr_state"));
  }

  @Test
  void aFailingGhReadsAsNotMerged() throws IOException {
    ChainWorkspace ws = workspace("review", "emulator: {step_ms: 10}");
    start(ws);
    Files.writeString(bin.resolve("gh"), "#!/bin/sh\necho MERGED\nexit 1\n");

    EmulatorProcess.Result result = start(ws);

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("0 m1-plan awaiting_pr_merge [m1]", ChainDrivingTest.summary(ws.state()));
    assertTrue(result.stdout().contains("PR #100 of milestone m1 is UNKNOWN"), result.stdout());
  }
}
