package dev.megaplan.cloud.core.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateResetTest {
  static final String STATE = "/w/app/.megaplan/plans/.chains/chain-0123456789ab.json";
  final ScriptedShell shell = new ScriptedShell();

  @Test
  void noStateIsAbsentAndRunsNothing() {
    StateReset reset = StateReset.run(shell, STATE, "/w/app", false);
    assertEquals("absent", reset.toJson().get("status"));
    assertEquals(List.of(), shell.commands);
  }

  @Test
  void aStalledChainWithNothingCompletedIsResetWithItsPlan() {
    shell.files.put(STATE, "{\"last_state\": \"stalled\", \"current_plan_name\": \"p 1\"}");
    shell.answer = ExecResult.of(0, "REMOVED 0\nREMOVED 1\n", "");
    StateReset reset = StateReset.run(shell, STATE, "/w/app", false);
    assertEquals("reset", reset.toJson().get("status"));
    assertEquals(List.of(STATE, "/w/app/.megaplan/plans/p 1"), reset.removed());
    assertTrue(shell.commands.get(0).contains("rm -rf -- '/w/app/.megaplan/plans/p 1'"));
    assertTrue(shell.timeouts.get(0).toSeconds() > 0);
  }

  @Test
  void aResumableChainIsPreserved() {
    shell.files.put(
        STATE, "{\"completed\": [{\"label\": \"m1\"}], \"current_milestone_index\": 1}");
    StateReset reset = StateReset.run(shell, STATE, "/w/app", false);
    assertEquals("preserved", reset.toJson().get("status"));
    assertEquals(1, reset.keptState().orElseThrow().currentMilestoneIndex());
    assertEquals(List.of(), shell.commands);
  }

  @Test
  void aCorruptStateFailsUnlessFresh() {
    shell.files.put(STATE, "not json");
    CloudException e =
        assertThrows(CloudException.class, () -> StateReset.run(shell, STATE, "/w/app", false));
    assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
    shell.answer = ExecResult.of(0, "REMOVED 0\n", "");
    assertEquals("reset", StateReset.run(shell, STATE, "/w/app", true).toJson().get("status"));
  }
}
