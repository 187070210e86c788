package dev.megaplan.cloud.testkit.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.supervisor.TickReport;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.testkit.FakeProvider;
import dev.megaplan.cloud.testkit.Match;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supervisor tick's exec channels on a scripted box: the status read, then the sync refresh and
 * the re-observation in one exec (the refresh first), then the restart when there is one.
 */
class TickExecsTest {
  static final String SPEC_PATH = "/workspace/app/chain.yaml";
  static final String SPEC = "milestones:\n- {label: m1, idea: ideas/1.md}\n";
  static final String RUNNING_STATE =
      "{\"current_milestone_index\": 0, \"current_plan_name\": \"m1-plan\","
          + " \"last_state\": \"running\"}";
  static final String DEAD_STALE_STATE =
      "{\"current_milestone_index\": 0, \"current_plan_name\": null, \"last_state\": \"running\"}";
  static final String RUNNING = "{\"plan\": \"m1-plan\", \"status\": \"running\"}";
  static final String VERIFIED =
      "{\"semantics\": \"latest_verdict\", \"pending\": 0, \"verified\": 0,"
          + " \"all_deferred_must_verified\": true, \"rows\": []}";
  static final String NO_MODULE = "ModuleNotFoundError: No module named 'arnold'\n";

  @TempDir Path home;
  final FakeProvider box = new FakeProvider();

  static ProbeDoc running() {
    return new ProbeDoc().state(RUNNING_STATE).spec(SPEC).plan("m1-plan", 0, RUNNING, 0, VERIFIED);
  }

  static ProbeDoc deadAndStale() {
    return new ProbeDoc()
        .state(DEAD_STALE_STATE)
        .spec(SPEC)
        .runnerAnswer(1, "can't find session: megaplan-chain-app");
  }

  TickReport tick() {
    CloudConfig config =
        CloudConfig.builder()
            .provider("host")
            .repo(RepoConfig.builder().url("https://x/app.git").build())
            .build();
    try (CloudSession session =
        CloudSession.builder(config)
            .provider(box)
            .home(home)
            .cloudYaml(home.resolve("cloud.yaml"))
            .open()) {
      return session.supervisor(Optional.of(SPEC_PATH)).tick();
    }
  }

  void answer(ProbeDoc first, String refreshedAnswer) {
    box.when(Match.where(c -> c.contains("rec probe status"), "status probe"))
        .thenReturn(0, first.render(), "");
    box.when(Match.where(c -> c.contains("python3 -c"), "sync refresh, then the status probe"))
        .thenReturn(0, refreshedAnswer, "");
  }

  @Test
  void aTickOfARunningChainCostsTwoExecsTheRefreshBeforeTheSecondProbe() {
    answer(running(), running().renderAfterStep(0, "", ""));

    TickReport report = tick();

    assertEquals("noop", report.nextAction());
    assertEquals(Map.of("status", "ok"), report.syncRefresh());
    assertEquals(2, box.count(FakeProvider.Kind.EXEC), box.commands().toString());
    List<String> commands = box.commands();
    assertFalse(commands.get(0).contains("python3 -c"), "the first read has no refresh");
    String second = commands.get(1);
    int refresh = second.indexOf("python3 -c");
    int probe = second.indexOf("rec probe status");
    assertTrue(refresh >= 0 && probe > refresh, "the refresh runs before the probe: " + second);
  }

  @Test
  void aTickThatRestartsCostsThreeExecs() {
    answer(deadAndStale(), deadAndStale().renderAfterStep(0, "", ""));
    box.when(Match.where(c -> c.contains("flock"), "restart")).thenReturn(0, "restarted\n", "");

    TickReport report = tick();

    assertEquals("restart", report.nextAction());
    assertTrue(report.acted(), report.toString());
    assertEquals(3, box.count(FakeProvider.Kind.EXEC), box.commands().toString());
    assertTrue(box.commands().get(2).contains("flock -n"), box.commands().get(2));
  }

  @Test
  void aFailedRefreshIsRecordedInThePythonToolsWordsAndTheSecondReadIsUsed() {
    // the refresh fails (no megaplan module), the probe after it sees a dead, stale chain
    answer(running(), deadAndStale().renderAfterStep(1, "", NO_MODULE));
    box.when(Match.where(c -> c.contains("flock"), "restart")).thenReturn(0, "restarted\n", "");

    TickReport report = tick();

    assertEquals("failed", report.syncRefresh().get("status"));
    assertEquals(
        "sync refresh exited 1: ModuleNotFoundError: No module named 'arnold'",
        report.syncRefresh().get("reason"));
    assertFalse(report.syncRefresh().containsKey("re_read"), report.syncRefresh().toString());
    assertEquals("stale_bookkeeping", report.effectiveStatus());
    assertEquals("restart", report.nextAction());
  }

  @Test
  void aLostExecFailsBothTheRefreshAndTheReReadAndKeepsTheFirstObservation() {
    box.when(Match.where(c -> c.contains("rec probe status"), "status probe"))
        .thenReturn(0, running().render(), "");
    box.when(Match.where(c -> c.contains("python3 -c"), "sync refresh, then the status probe"))
        .thenThrow(new CloudException(ErrorCode.PROVIDER_FAILED, "connection lost"));

    TickReport report = tick();

    assertEquals("failed", report.syncRefresh().get("status"));
    assertTrue(
        String.valueOf(report.syncRefresh().get("reason")).contains("connection lost"),
        report.syncRefresh().toString());
    assertEquals("failed", report.syncRefresh().get("re_read"));
    assertEquals("running", report.effectiveStatus());
    assertEquals("noop", report.nextAction());
    assertEquals(2, box.count(FakeProvider.Kind.EXEC), "the refresh was not sent again");
  }

  @Test
  void aSecondProbeWithoutTheRefreshsAnswerSaysTheRefreshGaveNone() {
    answer(running(), running().render());

    TickReport report = tick();

    assertEquals("failed", report.syncRefresh().get("status"));
    assertEquals("the sync refresh gave no answer", report.syncRefresh().get("reason"));
    assertFalse(report.syncRefresh().containsKey("re_read"));
  }
}
