package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.chain.ChainPolicy;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.chain.Milestone;
import dev.megaplan.cloud.api.chain.SyncFacts;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.core.chain.ChainSummaries;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chain status payloads for supervisor tests. */
final class StatusFixtures {
  static final String SPEC = "/workspace/chain-45512a48/app/chain.yaml";
  static final String WORKSPACE = "/workspace/chain-45512a48/app";
  static final String SESSION = "megaplan-chain-chain-45512a48";

  private StatusFixtures() {}

  static ChainStatus status(EffectiveStatus effective, String runner, ChainState state) {
    ChainSpec spec =
        ChainSpec.builder()
            .addMilestones(Milestone.builder().label("m1").idea("m1.md").build())
            .addMilestones(Milestone.builder().label("m2").idea("m2.md").build())
            .document(Map.of())
            .build();
    Map<String, Object> runnerMap = new LinkedHashMap<>();
    runnerMap.put("status", runner);
    runnerMap.put("session", SESSION);
    Map<String, Object> chainLog = new LinkedHashMap<>();
    chainLog.put("path", WORKSPACE + "/.megaplan/cloud-chain-" + SESSION + ".log");
    Map<String, Object> logs = new LinkedHashMap<>();
    logs.put("workspace", WORKSPACE);
    logs.put("chain_log", chainLog);
    Map<String, Object> pr = new LinkedHashMap<>();
    if (state.prNumber().isPresent()) {
      pr.put("pr_number", state.prNumber().getAsInt());
      pr.put("pr_state", state.prState().orElse(null));
    } else {
      pr.put("status", "none");
    }
    return ChainStatus.builder()
        .spec(SPEC)
        .milestoneCount(2)
        .chainState(state)
        .summary(ChainSummaries.summarize(spec, state, "main"))
        .effectiveStatus(effective)
        .policy(ChainPolicy.of(spec))
        .sync(SyncFacts.of(state))
        .planStatus(Map.of("status", "missing", "reason", "no current plan"))
        .runner(runnerMap)
        .logs(logs)
        .pr(pr)
        .providerConsistency(Map.of("status", "not_applicable"))
        .humanVerification(Map.of("status", "unavailable", "reason", "no current plan"))
        .resolvedWorkspace(WORKSPACE)
        .resolvedSession(SESSION)
        .resolvedContext(Map.of("extra_repos", java.util.List.of()))
        .build();
  }

  static ChainStatus status(EffectiveStatus effective, String runner) {
    return status(effective, runner, ChainState.empty());
  }
}
