package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.api.supervisor.Decision;
import dev.megaplan.cloud.api.supervisor.EffectOutcome;
import dev.megaplan.cloud.api.supervisor.Observation;
import dev.megaplan.cloud.api.supervisor.TickReport;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import dev.megaplan.cloud.core.internal.remote.SyncRefreshCommand;
import dev.megaplan.cloud.core.internal.supervisor.ChainObserver;
import dev.megaplan.cloud.core.internal.supervisor.ObservationJson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One safe supervisor tick (spec 05): observe, refresh branch/PR sync, re-observe (with the PR
 * probe folded in), decide with the pure {@link SupervisorPolicy}, carry the decision out with the
 * {@link EffectExecutor}, report. The sync refresh runs in the same exec as the re-observation,
 * before its probe, so a tick costs two exec channels, three with a restart (each status read one
 * more when the chain state names another runner than the local sources do). Reach it through
 * {@code session.supervisor()}.
 */
public final class Supervisor {
  private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(90);

  private final ChainObserver observer;
  private final Optional<RemoteShell> shell;
  private final EffectExecutor executor;
  private final UnaryOperator<String> redact;
  private final Sleeper sleeper;

  Supervisor(
      ChainObserver observer,
      Optional<RemoteShell> shell,
      EffectExecutor executor,
      UnaryOperator<String> redact,
      Sleeper sleeper) {
    this.observer = observer;
    this.shell = shell;
    this.executor = executor;
    this.redact = redact;
    this.sleeper = sleeper;
  }

  /**
   * The pure decision for an observation (the same as {@link SupervisorPolicy#decide}).
   *
   * @param observation what a tick observed
   * @return the decision
   */
  public Decision decide(Observation observation) {
    return SupervisorPolicy.decide(observation);
  }

  /**
   * One tick that carries its decision out.
   *
   * @return the report
   */
  public TickReport tick() {
    return tick(false).report();
  }

  /**
   * One tick that decides but changes nothing ({@code --dry-run}).
   *
   * @return the report, with {@code dry_run: true} and what it would have done
   */
  public TickReport dryRun() {
    return tick(true).report();
  }

  /**
   * One tick, with the observation it decided from (so it can be recorded and replayed).
   *
   * @param dryRun whether to skip carrying the decision out
   * @return the report and the observation
   */
  public Tick tick(boolean dryRun) {
    ChainObserver.Observed first;
    try {
      first = observer.observe(false);
    } catch (CloudException e) {
      return new Tick(
          errorReport("chain status read failed: " + redact.apply(e.getMessage())),
          Optional.empty());
    }
    ChainObserver.Observed observed = first;
    boolean probePr =
        first.status().effectiveStatus() == EffectiveStatus.AWAITING_PR_MERGE
            && first.status().chainState().prNumber().isPresent();
    Map<String, Object> syncRefresh = new LinkedHashMap<>();
    Optional<ChainObserver.Observed> again;
    if (shell.isEmpty()) {
      syncRefresh.put("status", "skipped");
      syncRefresh.put("reason", "no ssh_exec");
      again = observeAgain(probePr);
    } else {
      // the refresh and the re-observation share one exec: the probe runs after the refresh
      ChainObserver.Refreshed refreshed =
          observer.refreshThenObserve(
              shell.get(), refreshCommand(first.status()), SYNC_TIMEOUT, probePr);
      if (refreshed.refreshFailure().isEmpty()) {
        syncRefresh.put("status", "ok");
      } else {
        syncRefresh.put("status", "failed");
        syncRefresh.put("reason", redact.apply(refreshed.refreshFailure().get()));
      }
      again = refreshed.observed();
    }
    if (again.isPresent()) {
      observed = again.get();
    } else {
      // the Python tool's shape: {status, reason?, re_read?} and nothing more
      syncRefresh.put("re_read", "failed");
    }
    Observation observation =
        ObservationJson.of(observed.status(), observed.prMergeState(), shell.isPresent());
    Decision decision = SupervisorPolicy.decide(observation);
    TickReport.Builder report = baseReport(observed.status(), syncRefresh);
    if (dryRun) {
      return new Tick(
          fromDecision(report, decision)
              .dryRun(true)
              .would(decision.nextAction())
              .acted(false)
              .build(),
          Optional.of(observation));
    }
    if (!decision.mutates()) {
      return new Tick(fromDecision(report, decision).build(), Optional.of(observation));
    }
    EffectOutcome outcome = executor.execute(decision);
    return new Tick(fromOutcome(report, decision, observation, outcome), Optional.of(observation));
  }

  /**
   * Ticks repeatedly until the chain is complete or a tick is blocked for a reason only a human can
   * clear ({@code human_prerequisite}, {@code quality_gate}, a provider mismatch); intervals are
   * jittered by ±10% and doubled (up to 8×) after a failed tick.
   *
   * @param interval the time between ticks
   * @param listener receives every tick's report
   * @return the running loop, which can be cancelled
   */
  public SupervisorWatch watch(Duration interval, Consumer<TickReport> listener) {
    SupervisorWatch watch =
        new SupervisorWatch(this::tick, interval, listener, sleeper, new Random());
    watch.start();
    return watch;
  }

  /**
   * A tick's report and the observation it decided from.
   *
   * @param report the report
   * @param observation the observation, absent when the first status read failed
   */
  public record Tick(TickReport report, Optional<Observation> observation) {}

  /**
   * The report a recorded observation produces: the decision, not carried out.
   *
   * @param observation a recorded observation
   * @return the report the tick would produce, with {@code dry_run: true}
   */
  public static TickReport replay(Observation observation) {
    Decision decision = SupervisorPolicy.decide(observation);
    Map<String, Object> payload = observation.payload();
    TickReport.Builder report =
        TickReport.builder()
            .spec(Optional.ofNullable((String) payload.get("spec")))
            .effectiveStatus(observation.effectiveStatusText())
            .runner(map(payload.get("runner")))
            .sync(map(payload.get("sync")))
            .pr(map(payload.get("pr")))
            .logs(map(payload.get("logs")))
            .syncRefresh(Map.of("status", "skipped", "reason", "replay"))
            .providerConsistency(map(payload.get("provider_consistency")))
            .extraRepoSync(list(map(payload.get("chain_state")).get("extra_repo_sync")))
            .humanVerification(map(payload.get("human_verification")));
    return fromDecision(report, decision)
        .dryRun(true)
        .would(decision.nextAction())
        .acted(false)
        .build();
  }

  private Optional<ChainObserver.Observed> observeAgain(boolean probePr) {
    try {
      return Optional.of(observer.observe(probePr));
    } catch (CloudException e) {
      return Optional.empty();
    }
  }

  private static SyncRefreshCommand refreshCommand(ChainStatus status) {
    ChainState state = status.chainState();
    return new SyncRefreshCommand(
        status.resolvedWorkspace(),
        status.spec(),
        state.prNumber().isPresent()
            ? OptionalLong.of(state.prNumber().getAsInt())
            : OptionalLong.empty(),
        extraRepos(status),
        status.resolvedSession());
  }

  @SuppressWarnings("unchecked")
  private static List<String> extraRepos(ChainStatus status) {
    Object repos = status.resolvedContext().get("extra_repos");
    if (!(repos instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .map(
            item ->
                item instanceof Map<?, ?> repo
                    ? String.valueOf(((Map<String, Object>) repo).get("workspace"))
                    : String.valueOf(item))
        .toList();
  }

  private static TickReport.Builder baseReport(
      ChainStatus status, Map<String, Object> syncRefresh) {
    return TickReport.builder()
        .spec(status.spec())
        .effectiveStatus(status.effectiveStatus().wireName())
        .runner(status.runner())
        .sync(map(Json.tree(status.sync())))
        .pr(status.pr())
        .logs(status.logs())
        .syncRefresh(syncRefresh)
        .providerConsistency(status.providerConsistency())
        .extraRepoSync(status.chainState().extraRepoSync())
        .humanVerification(status.humanVerification());
  }

  private static TickReport.Builder fromDecision(TickReport.Builder report, Decision decision) {
    return report
        .success(true)
        .event(decision.event())
        .nextAction(decision.nextAction())
        .acted(false)
        .refusedReason(decision.refusedReason());
  }

  private static TickReport fromOutcome(
      TickReport.Builder report,
      Decision decision,
      Observation observation,
      EffectOutcome outcome) {
    switch (outcome.status()) {
      case RESTARTED:
        return report
            .success(true)
            .event(decision.event())
            .nextAction(decision.nextAction())
            .acted(true)
            .build();
      case ALREADY_RESTARTED:
        return blocked(report, "another supervisor restarted the runner first");
      case LOCKED:
        return blocked(report, "another supervisor holds the lock");
      default:
        return report
            .success(false)
            .event("supervisor_error")
            .nextAction("blocked")
            .acted(false)
            .refusedReason(failure(decision, observation) + outcome.detail())
            .build();
    }
  }

  /** What failed, in the Python tool's words, before the failure's own detail. */
  private static String failure(Decision decision, Observation observation) {
    if (decision instanceof Decision.Advance) {
      return "PR merged but restart failed: ";
    }
    if (observation.effectiveStatus() == EffectiveStatus.AWAITING_HUMAN_VERIFY) {
      return "all human-verification criteria satisfied but wake restart failed: ";
    }
    return "stale bookkeeping restart failed: ";
  }

  private static TickReport blocked(TickReport.Builder report, String reason) {
    return report
        .success(true)
        .event("supervisor_blocked")
        .nextAction("blocked")
        .acted(false)
        .refusedReason(reason)
        .build();
  }

  private static TickReport errorReport(String reason) {
    return TickReport.builder()
        .success(false)
        .event("supervisor_error")
        .effectiveStatus("unknown")
        .nextAction("none")
        .acted(false)
        .refusedReason(reason)
        .syncRefresh(Map.of("status", "skipped", "reason", "status read failed"))
        .providerConsistency(Map.of())
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    if (value instanceof com.fasterxml.jackson.databind.JsonNode node) {
      return Json.mapper().convertValue(node, Map.class);
    }
    return Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value instanceof List<?> list ? (List<Object>) list : List.of();
  }
}
