package dev.megaplan.cloud.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chain start} driven for real: the state file at every point of a chain's life. */
class ChainDrivingTest {
  private static final List<String> THREE = List.of("m1", "m2", "m3");

  @TempDir Path temp;

  private ChainWorkspace workspace(String... scenario) {
    return ChainWorkspace.create(temp.resolve("app"), ChainWorkspace.spec(THREE, scenario));
  }

  @Test
  void aThreeMilestoneChainRunsToComplete() {
    ChainWorkspace ws = workspace("emulator:", "  step_ms: 50");

    EmulatorProcess.Result result = ws.chainStart("--no-git-refresh");

    assertEquals(0, result.exitCode(), result.toString());
    Map<String, Object> state = ws.state();
    assertEquals(0L, state.get("schema_version"));
    assertEquals(3L, state.get("current_milestone_index"));
    assertEquals(null, state.get("current_plan_name"));
    assertTrue(state.containsKey("current_plan_name"), "current_plan_name is written as null");
    assertEquals("complete", state.get("last_state"));
    assertEquals(completed("m1", "m2", "m3"), state.get("completed"));
    for (String label : THREE) {
      assertTrue(Files.isDirectory(ws.planDirectory(label + "-plan")), label);
    }
    assertTrue(result.stdout().contains("emulator: milestone m1 (1/3) running"), result.stdout());
    assertTrue(result.stdout().contains("emulator: milestone m3 (3/3) done"), result.stdout());
    assertTrue(result.stdout().contains("emulator: chain complete"), result.stdout());
  }

  @Test
  void eachMilestoneIsWrittenAsRunningBeforeItIsDone() throws Exception {
    ChainWorkspace ws = workspace("emulator:", "  step_ms: 400");
    EmulatorProcess.Running driver = ws.emulator().start(ws.chainStartArgs());

    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (driver.process().isAlive() && System.nanoTime() < deadline) {
      recordState(ws, seen);
      Thread.sleep(10);
    }
    EmulatorProcess.Result result = driver.await();
    recordState(ws, seen);

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(
        List.of(
            "0 m1-plan running []",
            "1 m2-plan running [m1]",
            "2 m3-plan running [m1, m2]",
            "3 null complete [m1, m2, m3]"),
        withoutDoneSteps(seen));
  }

  @Test
  void aHeldMilestoneStaysRunningUntilItIsReleased() throws Exception {
    ChainWorkspace ws = workspace("emulator:", "  step_ms: 20", "  hold: m2");
    EmulatorProcess.Running driver = ws.emulator().start(ws.chainStartArgs());
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!(ws.stateExists() && "1 m2-plan running [m1]".equals(summary(ws.state())))
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals("1 m2-plan running [m1]", summary(ws.state()));
      Thread.sleep(500); // twenty-five steps: an unheld milestone would be long done
      assertTrue(driver.process().isAlive(), "the driver is still in m2");
      assertEquals("1 m2-plan running [m1]", summary(ws.state()));

      Files.writeString(Path.of(ws.specPath()).resolveSibling("m2.release"), "");
      EmulatorProcess.Result result = driver.await();

      assertEquals(0, result.exitCode(), result.toString());
      assertEquals("3 null complete [m1, m2, m3]", summary(ws.state()));
      assertTrue(result.stdout().contains("emulator.hold"), result.stdout());
    } finally {
      driver.process().destroyForcibly();
    }
  }

  @Test
  void oneAdvancesExactlyOneMilestone() {
    ChainWorkspace ws = workspace("emulator:", "  step_ms: 50");

    EmulatorProcess.Result first = ws.chainStart("--one");
    assertEquals(0, first.exitCode(), first.toString());
    assertEquals("0 m1-plan done [m1]", summary(ws.state()));
    assertFalse(Files.exists(ws.planDirectory("m2-plan")));

    EmulatorProcess.Result second = ws.chainStart("--one", "--no-git-refresh");
    assertEquals(0, second.exitCode(), second.toString());
    assertEquals("1 m2-plan done [m1, m2]", summary(ws.state()));

    EmulatorProcess.Result third = ws.chainStart("--one");
    assertEquals(0, third.exitCode(), third.toString());
    assertEquals("3 null complete [m1, m2, m3]", summary(ws.state()));

    EmulatorProcess.Result again = ws.chainStart("--one");
    assertEquals(0, again.exitCode(), again.toString());
    assertEquals("3 null complete [m1, m2, m3]", summary(ws.state()));
  }

  @Test
  void aFailingMilestoneStopsTheDriverWithExitOne() {
    ChainWorkspace ws = workspace("emulator:", "  step_ms: 20", "  fail: [m2]");

    EmulatorProcess.Result result = ws.chainStart();

    assertEquals(1, result.exitCode(), result.toString());
    assertEquals("1 m2-plan failed [m1]", summary(ws.state()));
    assertEquals("failed", ws.emulator().run("status", "--plan", "m2-plan").json().get("status"));
    assertFalse(Files.exists(ws.planDirectory("m3-plan")), "the driver stopped at m2");
  }

  @Test
  void anUnmetPrerequisiteStallsTheChainWithExitZero() {
    ChainWorkspace ws = workspace("emulator:", "  step_ms: 20", "  prerequisite: m2");

    EmulatorProcess.Result result = ws.chainStart();

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("1 m2-plan stalled [m1]", summary(ws.state()));
    assertEquals("blocked", ws.emulator().run("status", "--plan", "m2-plan").json().get("status"));
  }

  @Test
  void aRestartedDriverResumesFromTheCurrentMilestone() {
    ChainWorkspace ws = workspace("emulator:", "  step_ms: 20", "  prerequisite: [m2]");
    ws.chainStart();
    ws.writeSpec(ChainWorkspace.spec(THREE, "emulator:", "  step_ms: 20"));

    EmulatorProcess.Result result = ws.chainStart();

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("3 null complete [m1, m2, m3]", summary(ws.state()));
    assertFalse(result.stdout().contains("milestone m1"), "m1 is not run twice");
  }

  @Test
  void aDriverKilledMidMilestoneLeavesACompleteStateFile() throws Exception {
    for (boolean forcibly : new boolean[] {false, true}) {
      ChainWorkspace ws =
          ChainWorkspace.create(
              temp.resolve("kill-" + forcibly),
              ChainWorkspace.spec(THREE, "emulator:", "  step_ms: 60000"));
      EmulatorProcess.Running driver = ws.emulator().start(ws.chainStartArgs());
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!ws.stateExists() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(200);
      if (forcibly) {
        driver.process().destroyForcibly();
      } else {
        driver.process().destroy();
      }
      EmulatorProcess.Result result = driver.await();

      assertEquals("0 m1-plan running []", summary(ws.state()), result.toString());
      try (var files = Files.list(ws.statePath().getParent())) {
        assertEquals(List.of(ws.statePath()), files.toList(), "no temporary file left behind");
      }
      if (!forcibly) {
        assertTrue(
            result.stdout().contains("stopped by a signal while milestone m1 was running"),
            result.toString());
      }
    }
  }

  @Test
  void unknownFieldsOfAnExistingStateAreKeptInPlace() {
    ChainWorkspace ws = workspace("emulator:", "  step_ms: 10");
    ws.writeState(
        "{\"schema_version\": 0, \"chain_session\": \"megaplan-chain-app-1234abcd\","
            + " \"current_milestone_index\": 0, \"current_plan_name\": \"m1-plan\","
            + " \"last_state\": \"done\", \"completed\": [{\"label\": \"m1\", \"pr\": 7}],"
            + " \"metadata\": {\"owner\": \"ops\", \"ratio\": 0.25, \"tags\": [\"a\", null]},"
            + " \"future_field\": 1e3, \"retry_counts\": {\"m1\": 2}}");

    EmulatorProcess.Result result = ws.chainStart("--one");

    assertEquals(0, result.exitCode(), result.toString());
    Map<String, Object> state = ws.state();
    assertEquals(
        List.of(
            "schema_version",
            "chain_session",
            "current_milestone_index",
            "current_plan_name",
            "last_state",
            "completed",
            "metadata",
            "future_field",
            "retry_counts"),
        new ArrayList<>(state.keySet()));
    assertEquals("megaplan-chain-app-1234abcd", state.get("chain_session"));
    assertEquals(
        JsonReader.parse("{\"owner\": \"ops\", \"ratio\": 0.25, \"tags\": [\"a\", null]}"),
        state.get("metadata"));
    assertEquals(JsonReader.parse("1e3"), state.get("future_field"));
    assertEquals(JsonReader.parse("{\"m1\": 2}"), state.get("retry_counts"));
    assertEquals(
        JsonReader.parse("[{\"label\": \"m1\", \"pr\": 7}, {\"label\": \"m2\"}]"),
        state.get("completed"));
    assertEquals("1 m2-plan done [m1, m2]", summary(state));
  }

  @Test
  void aSpecPathWithSpacesAndUnicodeGetsItsOwnHashedState() {
    Path dir = temp.resolve("my work space").resolve("prøjekt €");
    ChainWorkspace ws =
        ChainWorkspace.create(dir, ChainWorkspace.spec(List.of("m1"), "emulator: {step_ms: 0}"));

    EmulatorProcess.Result result = ws.chainStart();

    assertEquals(0, result.exitCode(), result.toString());
    String expectedDigest = ChainStatePath.sha1Hex(dir.resolve("chain.yaml").toString());
    Path expected =
        dir.resolve(".megaplan/plans/.chains/chain-" + expectedDigest.substring(0, 12) + ".json");
    assertTrue(Files.isRegularFile(expected), "state at " + expected);
    assertEquals("1 null complete [m1]", summary(ws.state()));
    assertTrue(result.stdout().contains(dir.toString()), "the path is printed intact");
  }

  @Test
  void aRelativeSpecIsResolvedAgainstTheWorkingDirectory() {
    ChainWorkspace ws = workspace("emulator:", "  step_ms: 0");

    EmulatorProcess.Result result =
        EmulatorProcess.in(temp).run("chain", "start", "--spec", "./app/../app/chain.yaml");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("3 null complete [m1, m2, m3]", summary(ws.state()));
  }

  @Test
  void aMissingSpecFailsWithExitOne() {
    EmulatorProcess.Result result =
        EmulatorProcess.in(temp)
            .run("chain", "start", "--spec", temp.resolve("nope.yaml").toString());

    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("emulator: chain spec not found"), result.stderr());
  }

  private static void recordState(ChainWorkspace ws, List<String> seen) {
    if (!ws.stateExists()) {
      return;
    }
    String now = summary(ws.state());
    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
      seen.add(now);
    }
  }

  private static List<String> withoutDoneSteps(List<String> seen) {
    List<String> result = new ArrayList<>();
    for (String step : seen) {
      if (!step.contains(" done ")) {
        result.add(step);
      }
    }
    return result;
  }

  /** {@code "<index> <plan> <last_state> [<completed labels>]"}. */
  static String summary(Map<String, Object> state) {
    List<String> labels = new ArrayList<>();
    for (Object entry : (List<?>) state.get("completed")) {
      labels.add(String.valueOf(((Map<?, ?>) entry).get("label")));
    }
    return state.get("current_milestone_index")
        + " "
        + state.get("current_plan_name")
        + " "
        + state.get("last_state")
        + " "
        + labels;
  }

  static List<Object> completed(String... labels) {
    List<Object> list = new ArrayList<>();
    for (String label : labels) {
      list.add(Map.of("label", label));
    }
    return list;
  }
}
