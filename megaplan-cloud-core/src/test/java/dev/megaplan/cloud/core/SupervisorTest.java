package dev.megaplan.cloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.api.supervisor.TickReport;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.supervisor.ChainObserver;
import dev.megaplan.cloud.core.internal.supervisor.ObservationJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SupervisorTest {
  private static final String SYNC = "python3 -c";
  private static final String RESTART = "flock -n";
  private static final String SECRET = "sup3r-s3cret-value";

  private final List<Boolean> probes = new ArrayList<>();

  private ChainObserver observing(ChainStatus... statuses) {
    return probePr -> {
      probes.add(probePr);
      ChainStatus status = statuses[Math.min(probes.size() - 1, statuses.length - 1)];
      return new ChainObserver.Observed(status, probePr ? Optional.of("merged") : Optional.empty());
    };
  }

  private static Function<String, ExecResult> answering(ExecResult sync, ExecResult restart) {
    return command -> command.contains(RESTART) ? restart : sync;
  }

  private static Supervisor supervisor(ChainObserver observer, ScriptedShell shell) {
    return new Supervisor(
        observer,
        Optional.ofNullable(shell),
        EffectExecutor.builder(shell == null ? new ScriptedShell(c -> null) : shell)
            .redactor(Redactor.create(List.of("TOKEN"), name -> SECRET))
            .build(),
        Redactor.create(List.of("TOKEN"), name -> SECRET)::redact,
        duration -> {});
  }

  private static final ExecResult OK = ExecResult.of(0, "", "");
  private static final ExecResult NO_MODULE =
      ExecResult.of(1, "", "ModuleNotFoundError: No module named 'arnold'\n");

  @Test
  void aFailedStatusReadIsASupervisorError() {
    ChainObserver failing =
        probe -> {
          throw new CloudException(
              ErrorCode.PROVIDER_FAILED, "Remote chain state was not valid JSON: x " + SECRET);
        };
    TickReport report = supervisor(failing, new ScriptedShell(c -> OK)).tick();
    assertFalse(report.success());
    assertEquals("supervisor_error", report.event());
    assertEquals("unknown", report.effectiveStatus());
    assertEquals("none", report.nextAction());
    assertTrue(
        report.refusedReason().orElseThrow().startsWith("chain status read failed: Remote chain"));
    assertFalse(Json.compact(report).contains(SECRET), "secret leaked");
  }

  @Test
  void aRunningChainIsANoopAfterASuccessfulSyncRefresh() {
    ScriptedShell shell = new ScriptedShell(answering(OK, OK));
    TickReport report =
        supervisor(observing(StatusFixtures.status(EffectiveStatus.RUNNING, "alive")), shell)
            .tick();
    assertTrue(report.success());
    assertEquals("supervisor_tick", report.event());
    assertEquals("noop", report.nextAction());
    assertFalse(report.acted());
    assertEquals(Map.of("status", "ok"), report.syncRefresh());
    assertEquals(1, shell.count(SYNC));
    assertEquals(0, shell.count(RESTART));
    assertEquals(Optional.empty(), report.refusedReason());
    assertTrue(Json.tree(report).get("refused_reason").isNull(), Json.compact(report));
    assertEquals(
        "supervisor tick: supervisor_tick | acted=false | next_action=noop", report.summaryLine());
  }

  @Test
  void aFailedSyncRefreshIsRecordedAndTheTickGoesOn() {
    ScriptedShell shell = new ScriptedShell(answering(NO_MODULE, OK));
    TickReport report =
        supervisor(observing(StatusFixtures.status(EffectiveStatus.RUNNING, "alive")), shell)
            .tick();
    assertTrue(report.success());
    assertEquals("failed", report.syncRefresh().get("status"));
    assertEquals(
        "sync refresh exited 1: ModuleNotFoundError: No module named 'arnold'",
        report.syncRefresh().get("reason"));
  }

  @Test
  void aDeadRunnerOnAStaleChainIsRestartedOnce() {
    ScriptedShell shell = new ScriptedShell(answering(OK, ExecResult.of(0, "restarted\n", "")));
    TickReport report =
        supervisor(
                observing(StatusFixtures.status(EffectiveStatus.STALE_BOOKKEEPING, "dead")), shell)
            .tick();
    assertTrue(report.success());
    assertTrue(report.acted());
    assertEquals("supervisor_restarted", report.event());
    assertEquals("restart", report.nextAction());
    assertEquals(1, shell.count(RESTART));
    assertTrue(shell.commands.get(1).contains("--one"), shell.commands.get(1));
    assertTrue(shell.commands.get(1).contains(StatusFixtures.SESSION));
  }

  @Test
  void aLockHeldByAnotherSupervisorBlocks() {
    ScriptedShell shell = new ScriptedShell(answering(OK, ExecResult.of(75, "locked\n", "")));
    TickReport report =
        supervisor(
                observing(StatusFixtures.status(EffectiveStatus.STALE_BOOKKEEPING, "dead")), shell)
            .tick();
    assertTrue(report.success());
    assertFalse(report.acted());
    assertEquals("supervisor_blocked", report.event());
    assertEquals("blocked", report.nextAction());
    assertEquals(Optional.of("another supervisor holds the lock"), report.refusedReason());
  }

  @Test
  void aForeignSessionMarkerIsASupervisorError() {
    ScriptedShell shell =
        new ScriptedShell(
            answering(
                OK,
                ExecResult.of(
                    17,
                    "ERROR: s session marker does not match /x/chain.yaml; refusing restart\n",
                    "")));
    TickReport report =
        supervisor(
                observing(StatusFixtures.status(EffectiveStatus.STALE_BOOKKEEPING, "dead")), shell)
            .tick();
    assertFalse(report.success());
    assertEquals("supervisor_error", report.event());
    assertEquals("blocked", report.nextAction());
    assertFalse(report.acted());
    assertEquals(
        "stale bookkeeping restart failed: ERROR: s session marker does not match /x/chain.yaml;"
            + " refusing restart",
        report.refusedReason().orElseThrow());
  }

  @Test
  void aRestartLostInTransitSaysRestartFailedOnce() {
    ScriptedShell shell =
        new ScriptedShell(
            command -> {
              if (command.contains(RESTART)) {
                throw new CloudException(ErrorCode.PROVIDER_FAILED, "connection lost");
              }
              return OK;
            });
    TickReport report =
        supervisor(
                observing(StatusFixtures.status(EffectiveStatus.STALE_BOOKKEEPING, "dead")), shell)
            .tick();
    assertEquals("supervisor_error", report.event());
    assertEquals(
        Optional.of("stale bookkeeping restart failed: connection lost"), report.refusedReason());

    ChainState withPr = ChainState.builder().prNumber(5).prState("open").build();
    TickReport advance =
        supervisor(
                observing(StatusFixtures.status(EffectiveStatus.AWAITING_PR_MERGE, "dead", withPr)),
                shell)
            .tick();
    assertEquals(
        Optional.of("PR merged but restart failed: connection lost"), advance.refusedReason());
  }

  @Test
  void aDryRunDecidesButRunsNoRestart() {
    ScriptedShell shell = new ScriptedShell(answering(OK, OK));
    TickReport report =
        supervisor(
                observing(StatusFixtures.status(EffectiveStatus.STALE_BOOKKEEPING, "dead")), shell)
            .dryRun();
    assertTrue(report.dryRun());
    assertEquals(Optional.of("restart"), report.would());
    assertFalse(report.acted());
    assertEquals(0, shell.count(RESTART));
    assertTrue(Json.compact(report).contains("\"dry_run\":true"));
  }

  @Test
  void theReReadReplacesTheFirstObservation() {
    ScriptedShell shell = new ScriptedShell(answering(OK, OK));
    TickReport report =
        supervisor(
                observing(
                    StatusFixtures.status(EffectiveStatus.STALE_BOOKKEEPING, "dead"),
                    StatusFixtures.status(EffectiveStatus.RUNNING, "alive")),
                shell)
            .tick();
    assertEquals("running", report.effectiveStatus());
    assertEquals("noop", report.nextAction());
    assertEquals(0, shell.count(RESTART));
  }

  @Test
  void aFailedReReadKeepsTheFirstObservation() {
    List<Integer> calls = new ArrayList<>();
    ChainObserver flaky =
        probe -> {
          calls.add(1);
          if (calls.size() > 1) {
            throw new CloudException(ErrorCode.PROVIDER_FAILED, "connection reset");
          }
          return new ChainObserver.Observed(
              StatusFixtures.status(EffectiveStatus.RUNNING, "alive"), Optional.empty());
        };
    TickReport report = supervisor(flaky, new ScriptedShell(answering(OK, OK))).tick();
    // the Python tool's keys, no more
    assertEquals(Map.of("status", "ok", "re_read", "failed"), report.syncRefresh());
    assertEquals("running", report.effectiveStatus());
  }

  @Test
  void thePrIsProbedOnlyWhenAwaitingItsMerge() {
    ChainState withPr = ChainState.builder().prNumber(101).prState("open").build();
    ScriptedShell shell = new ScriptedShell(answering(OK, ExecResult.of(0, "restarted\n", "")));
    TickReport report =
        supervisor(
                observing(StatusFixtures.status(EffectiveStatus.AWAITING_PR_MERGE, "dead", withPr)),
                shell)
            .tick();
    assertEquals(List.of(false, true), probes);
    assertEquals("supervisor_advanced", report.event());
    assertTrue(report.acted());

    probes.clear();
    supervisor(observing(StatusFixtures.status(EffectiveStatus.RUNNING, "alive")), shell).tick();
    assertEquals(List.of(false, false), probes);
  }

  @Test
  void withoutARemoteShellTheSyncIsSkippedAndARestartIsBlocked() {
    TickReport report =
        supervisor(
                observing(StatusFixtures.status(EffectiveStatus.STALE_BOOKKEEPING, "unavailable")),
                null)
            .tick();
    assertEquals(Map.of("status", "skipped", "reason", "no ssh_exec"), report.syncRefresh());
    assertEquals("blocked", report.nextAction());
    assertEquals(
        Optional.of("provider lacks exec (no remote shell); cannot restart the runner"),
        report.refusedReason());
  }

  @Test
  void aRecordedObservationReplaysToTheSameDecision() throws Exception {
    ScriptedShell shell = new ScriptedShell(answering(OK, OK));
    Supervisor.Tick tick =
        supervisor(
                observing(StatusFixtures.status(EffectiveStatus.STALE_BOOKKEEPING, "dead")), shell)
            .tick(true);
    String recorded = Json.pretty(ObservationJson.tree(tick.observation().orElseThrow()));
    TickReport replayed = Supervisor.replay(ObservationJson.read(Json.mapper().readTree(recorded)));
    assertEquals(tick.report().nextAction(), replayed.nextAction());
    assertEquals(tick.report().event(), replayed.event());
    assertEquals(tick.report().effectiveStatus(), replayed.effectiveStatus());
  }

  @Test
  void watchStopsWhenTheChainIsComplete() throws Exception {
    ScriptedShell shell = new ScriptedShell(answering(OK, OK));
    List<TickReport> reports = new ArrayList<>();
    SupervisorWatch watch =
        supervisor(
                observing(
                    StatusFixtures.status(EffectiveStatus.RUNNING, "alive"),
                    StatusFixtures.status(EffectiveStatus.RUNNING, "alive"),
                    StatusFixtures.status(EffectiveStatus.COMPLETE, "dead")),
                shell)
            .watch(Duration.ofMillis(1), reports::add);
    assertTrue(watch.await(Duration.ofSeconds(10)));
    assertEquals("done", reports.get(reports.size() - 1).nextAction());
    assertEquals("done", watch.lastReport().nextAction());
  }

  @Test
  void watchStopsOnABlockOnlyAHumanCanClear() throws Exception {
    SupervisorWatch watch =
        supervisor(
                observing(StatusFixtures.status(EffectiveStatus.HUMAN_PREREQUISITE, "dead")),
                new ScriptedShell(answering(OK, OK)))
            .watch(Duration.ofMillis(1), report -> {});
    assertTrue(watch.await(Duration.ofSeconds(10)));
    assertEquals("blocked", watch.lastReport().nextAction());
  }

  @Test
  void watchKeepsWaitingForAPrMergeUntilCancelled() throws Exception {
    ChainState withPr = ChainState.builder().prNumber(7).prState("open").build();
    ChainObserver open =
        probe ->
            new ChainObserver.Observed(
                StatusFixtures.status(EffectiveStatus.AWAITING_PR_MERGE, "dead", withPr),
                probe ? Optional.of("open") : Optional.empty());
    List<TickReport> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
    SupervisorWatch watch =
        supervisor(open, new ScriptedShell(answering(OK, OK)))
            .watch(Duration.ofMillis(1), reports::add);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (reports.size() < 3 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertFalse(watch.isDone());
    watch.cancel();
    assertTrue(watch.await(Duration.ofSeconds(10)));
    assertTrue(reports.size() >= 3);
  }
}
