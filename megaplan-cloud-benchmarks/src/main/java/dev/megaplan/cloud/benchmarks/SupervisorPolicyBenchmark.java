package dev.megaplan.cloud.benchmarks;

import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.api.status.RunnerState;
import dev.megaplan.cloud.api.supervisor.Decision;
import dev.megaplan.cloud.api.supervisor.Observation;
import dev.megaplan.cloud.core.SupervisorPolicy;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The supervisor's pure decision ({@link SupervisorPolicy#decide}) on a few representative
 * observations: it should take microseconds and allocate little.
 *
 * <pre>
 * java -jar megaplan-cloud-benchmarks/target/benchmarks.jar SupervisorPolicyBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SupervisorPolicyBenchmark {
  @Param({"running", "stale_bookkeeping", "awaiting_pr_merge", "awaiting_human_verify"})
  public String status;

  private Observation observation;

  /** Builds the observation once. */
  @Setup
  public void setUp() {
    observation =
        Observation.builder()
            .effectiveStatus(EffectiveStatus.fromWireName(status))
            .runner(RunnerState.DEAD)
            .session("megaplan-chain-epic-1a2b3c4d")
            .remoteSpec("/workspace/epic-1a2b3c4d/app/chain.yaml")
            .workspace("/workspace/epic-1a2b3c4d/app")
            .chainLog("/workspace/epic-1a2b3c4d/app/.megaplan/cloud-chain.log")
            .prNumber(101)
            .prState("open")
            .prMergeState("open")
            .humanVerificationAvailable(true)
            .humanVerificationPending(1)
            .humanVerificationVerified(2)
            .remoteShell(true)
            .payload(Map.of())
            .build();
  }

  /**
   * One decision.
   *
   * @return the decision (consumed by JMH)
   */
  @Benchmark
  public Decision decide() {
    return SupervisorPolicy.decide(observation);
  }
}
