package dev.megaplan.cloud.core.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.core.internal.remote.StateResetDecision.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateResetTest {
  static Optional<StateFacts> state(String json) {
    return Optional.of(StateFacts.parse(json));
  }

  @ParameterizedTest(name = "{0} fresh={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}                                                                   | false | RESET",
        "{\"current_milestone_index\": 0}                                     | false | RESET",
        "{\"current_milestone_index\": 1}                                     | false | PRESERVED",
        "{\"last_state\": \"stalled\", \"current_plan_name\": \"p\"}          | false | RESET",
        "{\"last_state\": \"stalled\", \"completed\": [{\"label\": \"m\"}]}   | false | PRESERVED",
        "{\"last_state\": \"running\", \"current_milestone_index\": 0}        | false | PRESERVED",
        "{\"current_plan_name\": \"p\", \"current_milestone_index\": 0}       | false | PRESERVED",
        "{\"completed\": [{\"label\": \"m\"}], \"current_milestone_index\": 1} | true  | RESET",
        "{\"current_milestone_index\": \"junk\", \"last_state\": 5}           | false | RESET",
      })
  void decisionTable(String json, boolean fresh, Status expected) {
    assertEquals(expected, StateResetDecision.decide(state(json), fresh).status());
  }

  @Test
  void absentStateIsAbsentEvenWhenFresh() {
    StateResetDecision d = StateResetDecision.decide(Optional.empty(), true);
    assertEquals(Status.ABSENT, d.status());
    assertEquals("absent", d.status().wireName());
  }

  @Test
  void planDirectoryIsRemovedOnlyForASinglePathSegment() {
    assertEquals(
        Optional.of("p 1"),
        StateResetDecision.decide(state("{\"current_plan_name\": \"p 1\"}"), true).planToRemove());
    for (String bad : List.of("a/b", "..", ".", "")) {
      String json =
          "{\"current_plan_name\": "
              + dev.megaplan.cloud.core.internal.shell.JsonLiteral.of(bad)
              + "}";
      assertEquals(
          Optional.empty(), StateResetDecision.decide(state(json), true).planToRemove(), bad);
    }
  }

  @Test
  void nonObjectStateIsAProviderFailure() {
    assertThrows(CloudException.class, () -> StateFacts.parse("[1]"));
    assertThrows(CloudException.class, () -> StateFacts.parse("{oops"));
  }

  @Test
  void resetCommandRemovesStateAndPlanAndReportsWhatWent() throws Exception {
    try (Box box = new Box()) {
      String ws = box.root.resolve("w 'é'").toString();
      Path state = box.write("w 'é'/.megaplan/plans/.chains/c-1.json", "{}");
      Path plan = box.write("w 'é'/.megaplan/plans/p $(x)/file", "x").getParent();
      Path other = box.write("w 'é'/.megaplan/plans/keep/file", "x");
      StateResetDecision decision =
          StateResetDecision.decide(state("{\"current_plan_name\": \"p $(x)\"}"), true);
      StateResetCommand command = new StateResetCommand(state.toString(), ws, decision);

      List<String> removed = command.parse(box.exec(command.render()));

      assertEquals(List.of(state.toString(), plan.toString()), removed);
      assertFalse(Files.exists(state));
      assertFalse(Files.exists(plan));
      assertTrue(Files.exists(other));
      assertEquals(List.of(), command.parse(box.exec(command.render())), "nothing left to remove");
    }
  }
}
