package dev.megaplan.cloud.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulated command line: status, verify-human, init, and everything it refuses. */
class CommandLineTest {
  @TempDir Path temp;

  private ChainWorkspace workspace(String... scenario) {
    return ChainWorkspace.create(
        temp.resolve("app"), ChainWorkspace.spec(List.of("m1", "m2"), scenario));
  }

  @Test
  void statusReportsTheCurrentPlanOfTheChainInTheWorkingDirectory() {
    ChainWorkspace ws = workspace("emulator: {step_ms: 10, prerequisite: [m2]}");
    ws.chainStart();

    EmulatorProcess.Result result = ws.emulator().run("status");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(PlanStatus.payload("m2-plan", "blocked", "m2"), result.json());
  }

  @Test
  void statusOfARunningPlanNamesItsNextStep() throws Exception {
    ChainWorkspace ws = workspace("emulator: {step_ms: 60000}");
    EmulatorProcess.Running driver = ws.emulator().start(ws.chainStartArgs());
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!ws.stateExists() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(
          PlanStatus.payload("m1-plan", "running", "m1"),
          ws.emulator().run("status", "--plan", "m1-plan").json());
      assertEquals("execute", ws.emulator().run("status").json().get("next_step"));
    } finally {
      driver.process().destroyForcibly();
      driver.await();
    }
  }

  @Test
  void statusOfAPlanNotStartedOrUnknownIsMissing() {
    ChainWorkspace ws = workspace("emulator: {step_ms: 10, fail: [m1]}");
    ws.chainStart();

    assertEquals(
        PlanStatus.payload("m2-plan", "missing", "m2"),
        ws.emulator().run("status", "--plan", "m2-plan").json());
    assertEquals(
        PlanStatus.payload("other-plan", "missing", null),
        ws.emulator().run("status", "--plan", "other-plan").json());
  }

  @Test
  void statusWithoutAnyChainIsMissing() {
    EmulatorProcess.Result result = EmulatorProcess.in(temp).run("status");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(PlanStatus.payload(null, "missing", null), result.json());
  }

  @Test
  void statusOfACompleteChainHasNoCurrentPlan() {
    ChainWorkspace ws = workspace("emulator: {step_ms: 0}");
    ws.chainStart();

    assertEquals(PlanStatus.payload(null, "missing", null), ws.emulator().run("status").json());
    assertEquals("done", ws.emulator().run("status", "--plan", "m1-plan").json().get("status"));
  }

  @Test
  void verifyHumanOfAnUnknownPlanFails() {
    EmulatorProcess.Result result =
        EmulatorProcess.in(temp).run("verify-human", "--list", "--plan", "nope", "--json");

    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("emulator: unknown plan: nope"), result.stderr());
  }

  @Test
  void verifyHumanNeedsListAndJson() {
    EmulatorProcess.Result result =
        EmulatorProcess.in(temp).run("verify-human", "--plan", "p", "--json");

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("verify-human requires --list"), result.stderr());
  }

  @Test
  void initCreatesThePlanDirectoryNamedAfterTheIdea() throws IOException {
    Path project = Files.createDirectories(temp.resolve("proj"));
    Path idea = Files.writeString(project.resolve("idea.txt"), "\n  Build a Tiny Web App!\nmore\n");

    EmulatorProcess.Result result =
        EmulatorProcess.in(project)
            .run(
                "init",
                "--project-dir",
                project.toString(),
                "--idea-file",
                idea.toString(),
                "--auto-start",
                "--robustness",
                "standard");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(
        JsonReader.parse("{\"success\": true, \"plan\": \"build-a-tiny-web-app\"}"), result.json());
    Path copied = project.resolve(".megaplan/plans/build-a-tiny-web-app/idea.txt");
    assertEquals(Files.readString(idea), Files.readString(copied));
    assertEquals(
        "done",
        EmulatorProcess.in(project)
            .run("status", "--plan", "build-a-tiny-web-app")
            .json()
            .get("status"));
    assertEquals(
        0L,
        EmulatorProcess.in(project)
            .run("verify-human", "--list", "--plan", "build-a-tiny-web-app", "--json")
            .json()
            .get("pending"));
  }

  @Test
  void initUsesTheGivenName() throws IOException {
    Path idea = Files.writeString(temp.resolve("idea.md"), "Anything");

    EmulatorProcess.Result result =
        EmulatorProcess.in(temp)
            .run(
                "init",
                "--project-dir",
                "proj",
                "--idea-file",
                "idea.md",
                "--name",
                "my-plan",
                "--auto-start",
                "--robustness",
                "light");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("my-plan", result.json().get("plan"));
    assertTrue(Files.isRegularFile(temp.resolve("proj/.megaplan/plans/my-plan/idea.txt")));
  }

  @Test
  void initWithoutTheIdeaFileFails() {
    EmulatorProcess.Result result =
        EmulatorProcess.in(temp)
            .run(
                "init",
                "--project-dir",
                temp.toString(),
                "--idea-file",
                "missing.txt",
                "--auto-start",
                "--robustness",
                "standard");

    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("emulator: idea file not found"), result.stderr());
  }

  @Test
  void anUnsupportedCommandExitsTwo() {
    for (List<String> call :
        List.<List<String>>of(
            List.of("execute", "--plan", "p"),
            List.of("chain", "stop"),
            List.of(),
            List.of("chain", "start", "--spec", "x.yaml", "--fresh"),
            List.of("status", "extra"),
            List.of("chain", "start", "--spec"))) {
      EmulatorProcess.Result result = EmulatorProcess.in(temp).run(call.toArray(new String[0]));

      assertEquals(2, result.exitCode(), result.toString());
      String shown = call.isEmpty() ? "(none)" : String.join(" ", call);
      assertEquals("emulator: unsupported command: " + shown + "\n", result.stderr());
      assertEquals("", result.stdout());
    }
  }

  @Test
  void chainStartWithoutSpecExitsTwo() {
    EmulatorProcess.Result result = EmulatorProcess.in(temp).run("chain", "start", "--one");

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("chain start requires --spec"), result.stderr());
  }

  @Test
  void anUnknownEmulatorKeyExitsTwoNamingIt() {
    ChainWorkspace ws = workspace("emulator:", "  step_ms: 10", "  fial: [m1]");

    EmulatorProcess.Result result = ws.chainStart();

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("unknown key 'emulator.fial'"), result.stderr());
    assertFalse(ws.stateExists(), "nothing ran");
  }

  @Test
  void aScenarioNamingAnUnknownMilestoneExitsTwo() {
    ChainWorkspace ws = workspace("emulator: {fail: [m9]}");

    EmulatorProcess.Result result = ws.chainStart();

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(
        result.stderr().contains("emulator.fail names unknown milestone 'm9'"), result.stderr());
  }

  @Test
  void malformedScenarioValuesExitTwo() {
    for (String scenario :
        List.of(
            "emulator: {step_ms: fast}",
            "emulator: {step_ms: -1}",
            "emulator: {human_verify: {m1: maybe}}",
            "emulator: {human_verify: [m1]}",
            "emulator: [m1]",
            "merge_policy: sometimes")) {
      ChainWorkspace ws = workspace(scenario);

      EmulatorProcess.Result result = ws.chainStart();

      assertEquals(2, result.exitCode(), scenario + "\n" + result);
      assertTrue(result.stderr().startsWith("emulator: chain spec "), result.stderr());
    }
  }

  @Test
  void aStateFileThatIsNotAJsonObjectFailsWithExitOne() {
    ChainWorkspace ws = workspace("emulator: {step_ms: 0}");
    ws.writeState("[\"not\", \"an object\"]");

    EmulatorProcess.Result result = ws.chainStart();

    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("is not a JSON object"), result.stderr());
    assertEquals("[\"not\", \"an object\"]", readState(ws), "left as it was");
  }

  private static String readState(ChainWorkspace ws) {
    try {
      return Files.readString(ws.statePath());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSpecOutsideTheYamlSubsetExitsTwoWithItsLine() {
    ChainWorkspace ws = workspace("base: &b main", "other: *b");

    EmulatorProcess.Result result = ws.chainStart();

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("line 6: anchors, aliases and tags"), result.stderr());
  }
}
