package dev.megaplan.cloud.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code emulator.human_verify}: a pending gate stops the driver with the plan awaiting human
 * verification (last_state stays {@code running}); once the spec says {@code passed}, the
 * verification facts say so and the next driver completes the milestone.
 */
class HumanVerificationTest {
  private static final List<String> THREE = List.of("m1", "m2", "m3");

  @TempDir Path temp;

  private ChainWorkspace workspace(String verdict) {
    return ChainWorkspace.create(
        temp.resolve("app"),
        ChainWorkspace.spec(
            THREE, "emulator:", "  step_ms: 10", "  human_verify:", "    m2: " + verdict));
  }

  @Test
  void aPendingVerificationStopsTheDriverAtThatMilestone() {
    ChainWorkspace ws = workspace("pending");

    EmulatorProcess.Result result = ws.chainStart();

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("1 m2-plan running [m1]", ChainDrivingTest.summary(ws.state()));
    assertTrue(result.stdout().contains("awaiting human verification"), result.stdout());
    assertEquals(
        PlanStatus.payload("m2-plan", "awaiting_human_verify", "m2"),
        ws.emulator().run("status", "--plan", "m2-plan").json());
    assertEquals(
        JsonReader.parse(
            "{\"semantics\": \"latest_verdict\", \"pending\": 1, \"verified\": 0,"
                + " \"all_deferred_must_verified\": false, \"rows\": [{\"criterion\":"
                + " \"milestone m2 verified by a human\", \"verdict\": \"pending\"}]}"),
        verifyHuman(ws, "m2-plan"));
  }

  @Test
  void aStillPendingVerificationKeepsTheChainWhereItIs() {
    ChainWorkspace ws = workspace("pending");
    ws.chainStart();

    EmulatorProcess.Result again = ws.chainStart("--one");

    assertEquals(0, again.exitCode(), again.toString());
    assertEquals("1 m2-plan running [m1]", ChainDrivingTest.summary(ws.state()));
  }

  @Test
  void onceVerifiedTheFactsSaySoAndTheNextDriverCompletesTheMilestone() {
    ChainWorkspace ws = workspace("pending");
    ws.chainStart();
    ws.writeSpec(
        ChainWorkspace.spec(THREE, "emulator:", "  step_ms: 10", "  human_verify: {m2: passed}"));

    Map<String, Object> facts = verifyHuman(ws, "m2-plan");
    assertEquals(0L, facts.get("pending"));
    assertEquals(1L, facts.get("verified"));
    assertEquals(true, facts.get("all_deferred_must_verified"));
    assertEquals(
        "awaiting_human_verify",
        ws.emulator().run("status", "--plan", "m2-plan").json().get("status"),
        "the plan waits until a driver runs it again, as megaplan's does");

    EmulatorProcess.Result result = ws.chainStart("--one");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("1 m2-plan done [m1, m2]", ChainDrivingTest.summary(ws.state()));
    assertEquals("done", ws.emulator().run("status", "--plan", "m2-plan").json().get("status"));
  }

  @Test
  void anAlreadyPassedVerificationDoesNotStopTheChain() {
    ChainWorkspace ws = workspace("passed");

    EmulatorProcess.Result result = ws.chainStart();

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("3 null complete [m1, m2, m3]", ChainDrivingTest.summary(ws.state()));
    assertEquals(
        "pass",
        ((Map<?, ?>) ((List<?>) verifyHuman(ws, "m2-plan").get("rows")).get(0)).get("verdict"));
  }

  @Test
  void aPlanWithoutAGateHasNoCriteria() {
    ChainWorkspace ws = workspace("pending");
    ws.chainStart();

    assertEquals(
        JsonReader.parse(
            "{\"semantics\": \"latest_verdict\", \"pending\": 0, \"verified\": 0,"
                + " \"all_deferred_must_verified\": true, \"rows\": []}"),
        verifyHuman(ws, "m1-plan"));
  }

  private static Map<String, Object> verifyHuman(ChainWorkspace ws, String plan) {
    EmulatorProcess.Result result =
        ws.emulator().run("verify-human", "--list", "--plan", plan, "--json");
    assertEquals(0, result.exitCode(), result.toString());
    return result.json();
  }
}
