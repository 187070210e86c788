package dev.megaplan.cloud.core.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.CommandOutput;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.PlanProbes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanObservationsTest {
  static final String VERIFIED =
      "{\"semantics\": \"latest_verdict\", \"pending\": 0, \"verified\": 2,"
          + " \"all_deferred_must_verified\": true, \"rows\": [{\"criterion\": \"c\", \"verdict\":"
          + " \"pass\"}]}";

  static PlanProbes probes(CommandOutput status, CommandOutput verify) {
    return new PlanProbes(Optional.of("p"), Optional.of(status), Optional.of(verify));
  }

  static CommandOutput ok(String stdout) {
    return new CommandOutput(0, stdout, "");
  }

  @Test
  void noCurrentPlanIsMissingAndVerificationUnavailable() {
    assertEquals(
        Map.of("status", "missing", "reason", "no current plan"),
        PlanObservations.planStatus(PlanProbes.NONE));
    assertEquals(
        Map.of("status", "unavailable", "reason", "no current plan"),
        PlanObservations.humanVerification(PlanProbes.NONE));
  }

  @Test
  void megaplansObjectIsReturnedUnchanged() {
    Map<String, Object> status =
        PlanObservations.planStatus(
            probes(ok("{\"plan\": \"p\", \"status\": \"running\", \"cost\": 2.50}\n"), ok("")));
    assertEquals(List.of("plan", "status", "cost"), List.copyOf(status.keySet()));
    assertEquals(new BigDecimal("2.50"), status.get("cost"));
    assertEquals(Optional.of("running"), PlanObservations.statusOf(status));
  }

  @Test
  void aFailingTimedOutEmptyOrNonObjectStatusIsUnavailableWithAReason() {
    assertEquals(
        "megaplan status failed (exit 3): boom",
        PlanObservations.planStatus(probes(new CommandOutput(3, "", "boom\n"), ok("")))
            .get("reason"));
    assertEquals(
        "megaplan status timed out",
        PlanObservations.planStatus(probes(new CommandOutput(124, "", ""), ok(""))).get("reason"));
    assertEquals(
        "megaplan status printed nothing",
        PlanObservations.planStatus(probes(ok(" \n"), ok(""))).get("reason"));
    assertEquals(
        "megaplan status did not print a JSON object",
        PlanObservations.planStatus(probes(ok("[1]"), ok(""))).get("reason"));
    Map<String, Object> garbage = PlanObservations.planStatus(probes(ok("{oops"), ok("")));
    assertEquals("unavailable", garbage.get("status"));
    assertTrue(garbage.get("reason").toString().startsWith("megaplan status printed invalid JSON"));
  }

  @Test
  void latestVerdictSemanticsAreAvailable() {
    Map<String, Object> v = PlanObservations.humanVerification(probes(ok("{}"), ok(VERIFIED)));
    assertEquals(
        List.of("status", "pending", "verified", "all_deferred_must_verified", "rows", "semantics"),
        List.copyOf(v.keySet()));
    assertEquals("available", v.get("status"));
    assertEquals(true, v.get("all_deferred_must_verified"));
    assertTrue(PlanObservations.settled(v));
  }

  @Test
  void otherSemanticsEmptyInvalidOrFailedVerificationIsUnavailable() {
    for (CommandOutput bad :
        List.of(
            ok(VERIFIED.replace("latest_verdict", "any_pass")),
            ok("{\"pending\": 0, \"all_deferred_must_verified\": true}"),
            ok(""),
            ok("not json"),
            new CommandOutput(1, VERIFIED, "no such plan"))) {
      Map<String, Object> v = PlanObservations.humanVerification(probes(ok("{}"), bad));
      assertEquals("unavailable", v.get("status"), bad.toString());
      assertFalse(PlanObservations.settled(v));
    }
  }
}
