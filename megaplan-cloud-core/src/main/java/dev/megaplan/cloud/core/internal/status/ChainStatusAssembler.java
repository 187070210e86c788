package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainPolicy;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.chain.SyncFacts;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.api.status.RunnerState;
import dev.megaplan.cloud.core.ChainSpecYaml;
import dev.megaplan.cloud.core.chain.ChainStateJson;
import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.chain.ChainSummaries;
import dev.megaplan.cloud.core.chain.EffectivePolicy;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.PlanProbes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the chain status payload (04) from observations, with no I/O: the probe's answer (already
 * redacted) or, for a provider without a remote shell, nothing at all.
 *
 * <p>Failures: a remote spec that does not exist, or a spec or state file that exists but cannot be
 * read, is {@code provider_failed} naming the path; a state that is not JSON is {@code
 * provider_failed} with the parse error; a remote spec that is not a valid chain spec is {@code
 * invalid_spec} naming the remote path.
 */
public final class ChainStatusAssembler {
  private final CloudConfig config;
  private final String providerName;
  private final Supplier<String> providerIdentity;
  private final RemoteTextRedaction redaction;

  /**
   * An assembler for one session.
   *
   * @param config the configuration
   * @param providerName the provider's name, for reasons
   * @param redaction the session's redaction
   */
  public ChainStatusAssembler(
      CloudConfig config, String providerName, RemoteTextRedaction redaction) {
    this(config, providerName, () -> null, redaction);
  }

  /**
   * An assembler for one session whose provider's identity is checked against the marker's.
   *
   * @param config the configuration
   * @param providerName the provider's name, for reasons
   * @param providerIdentity the provider's identity, read when a payload is assembled
   * @param redaction the session's redaction
   */
  public ChainStatusAssembler(
      CloudConfig config,
      String providerName,
      Supplier<String> providerIdentity,
      RemoteTextRedaction redaction) {
    this.config = Objects.requireNonNull(config, "config");
    this.providerName = Objects.requireNonNull(providerName, "providerName");
    this.providerIdentity = Objects.requireNonNull(providerIdentity, "providerIdentity");
    this.redaction = Objects.requireNonNull(redaction, "redaction");
  }

  /**
   * Reads the chain state a probe returned.
   *
   * @param target the chain
   * @param probe the probe's answer
   * @return the state, defaults when the file is missing
   * @throws CloudException {@code provider_failed} when unreadable or not JSON
   */
  public ChainState state(ChainTarget target, StatusProbeResult probe) {
    if (probe.unreadable().contains("state")) {
      String path =
          probe.stateSource() == StatusProbeResult.StateSource.LEGACY
              ? ChainStatePath.legacyStatePath(target.remoteSpec())
              : ChainStatePath.statePath(target.remoteSpec());
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Remote chain state exists but could not be read: " + path,
          Map.of("state_path", path));
    }
    return probe.state().map(ChainStateJson::parse).orElse(ChainState.empty());
  }

  /**
   * Checks that the probe found the remote spec, readable.
   *
   * @param target the chain
   * @param probe the probe's answer
   * @throws CloudException {@code provider_failed} naming the path otherwise
   */
  public void requireSpec(ChainTarget target, StatusProbeResult probe) {
    String specPath = target.remoteSpec();
    if (probe.unreadable().contains("spec")) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Remote chain spec exists but could not be read: " + specPath,
          Map.of("remote_spec", specPath));
    }
    if (probe.spec().isEmpty()) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Remote chain spec not found: " + specPath,
          Map.of("remote_spec", specPath));
    }
  }

  /**
   * The payload from a probe's answer. Remote texts are redacted here: JSON texts (state, policy,
   * command outputs) before they are read, since the replacement cannot break a JSON string; the
   * YAML spec after it is parsed (a plain scalar starting with {@code *} would be a YAML alias), by
   * redacting the values of it the payload shows.
   *
   * @param target the chain
   * @param context the execution context the probe used
   * @param raw the probe's answer, as decoded
   * @return the payload
   */
  public ChainStatus assemble(ChainTarget target, ExecutionContext context, StatusProbeResult raw) {
    requireSpec(target, raw);
    ChainSpec spec = redaction.spec(ChainSpecYaml.parse(raw.spec().get(), target.remoteSpec()));
    StatusProbeResult probe = redaction.probe(raw);
    ChainState state = state(target, probe);
    ChainPolicy policy = EffectivePolicy.resolve(spec, probe.runtimePolicy());
    Optional<String> plan = currentPlan(state);
    PlanProbes planProbes = plan.isPresent() ? probe.planProbes() : PlanProbes.NONE;
    Map<String, Object> planStatus = PlanObservations.planStatus(planProbes);
    Map<String, Object> verification = PlanObservations.humanVerification(planProbes);
    String chainLog = context.chainLog(target.marker());
    return build(
        target,
        context,
        spec,
        state,
        policy,
        planStatus,
        verification,
        RunnerObservation.of(probe.runner(), context.session()),
        RunnerObservation.state(probe.runner()),
        LogsObservation.of(context.workspace(), plan.isPresent(), chainLog, probe.chainLog()));
  }

  /**
   * The payload for a provider without a remote shell: nothing remote can be read, so the state has
   * its defaults, the spec no milestones, and every remote observation says why it is unavailable;
   * the rules then classify the chain (a runner that is {@code unavailable} is not alive).
   *
   * @param target the chain
   * @param context the execution context from local sources
   * @return the payload
   */
  public ChainStatus withoutRemoteShell(ChainTarget target, ExecutionContext context) {
    String reason = "the '" + providerName + "' provider has no remote shell";
    ChainState state = ChainState.empty();
    ChainSpec spec = ChainSpec.builder().build();
    Map<String, Object> unavailable = new LinkedHashMap<>();
    unavailable.put("status", "unavailable");
    unavailable.put("reason", reason);
    return build(
        target,
        context,
        spec,
        state,
        EffectivePolicy.resolve(spec, Optional.empty()),
        unavailable,
        unavailable,
        RunnerObservation.unavailable(context.session(), reason),
        RunnerState.UNAVAILABLE,
        LogsObservation.unavailable(
            context.workspace(), false, context.chainLog(target.marker()), reason));
  }

  private ChainStatus build(
      ChainTarget target,
      ExecutionContext context,
      ChainSpec spec,
      ChainState state,
      ChainPolicy policy,
      Map<String, Object> planStatus,
      Map<String, Object> verification,
      Map<String, Object> runner,
      RunnerState runnerState,
      Map<String, Object> logs) {
    Optional<String> plan = currentPlan(state);
    StatusFacts facts =
        new StatusFacts(
            spec.milestones().size(),
            state.currentMilestoneIndex(),
            state.lastState(),
            plan,
            PlanObservations.statusOf(planStatus),
            runnerState,
            PlanObservations.settled(verification),
            state.syncState(),
            policy.prerequisitePolicy(),
            policy.validationPolicy());
    String baseBranch =
        target
            .marker()
            .map(LastChainMarker::baseBranch)
            .filter(b -> !b.isBlank())
            .orElse(config.repo().branch());
    return ChainStatus.builder()
        .spec(target.remoteSpec())
        .milestoneCount(spec.milestones().size())
        .seedPlan(spec.seedPlan())
        .chainState(state)
        .summary(ChainSummaries.summarize(spec, state, baseBranch))
        .effectiveStatus(EffectiveStatusRules.classify(facts))
        .policy(policy)
        .sync(SyncFacts.of(state))
        .planStatus(planStatus)
        .runner(redacted(runner))
        .logs(redacted(logs))
        .pr(PrObservation.of(state))
        .providerConsistency(ProviderConsistency.of(config, target.marker(), providerIdentity))
        .humanVerification(verification)
        .resolvedWorkspace(redaction.text(context.workspace()))
        .resolvedSession(redaction.text(context.session()))
        .resolvedContext(resolvedContext(target, context))
        .build();
  }

  private Map<String, Object> resolvedContext(ChainTarget target, ExecutionContext context) {
    return redacted(context.describe(target.remoteSpec(), target.source()));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> redacted(Map<String, Object> map) {
    return (Map<String, Object>) redaction.value(map);
  }

  private static Optional<String> currentPlan(ChainState state) {
    return state.currentPlanName().filter(name -> !name.isEmpty());
  }
}
