package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import dev.megaplan.cloud.core.internal.remote.StatusProbeCommand;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult;
import dev.megaplan.cloud.core.internal.session.SessionContext;
import dev.megaplan.cloud.core.internal.supervisor.ChainObserver;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Reads a chain's status (04): resolves the chain and its execution context, gathers every
 * observation in ONE remote exec ({@link StatusProbeCommand}), and assembles the payload. Reads
 * only: nothing local or remote is written.
 *
 * <p>Round trips: one exec ({@link #observeAfter} runs a step before the probe in that same exec).
 * A second only when the state, once parsed, says something the probe could not know in advance:
 * its current plan differs from the one the script extracted with {@code sed} (only the plan probes
 * are re-run), or it names another workspace or session than the local sources did (the whole probe
 * is re-run with the state's values, since the runner, the log and the plan calls all depend on
 * them). A provider without a remote shell gets no exec at all (see {@link
 * ChainStatusAssembler#withoutRemoteShell}).
 *
 * <p>Every failure leaving this class is redacted.
 */
public final class ChainStatusOperation {
  private final SessionContext session;
  private final RemoteTextRedaction redaction;
  private final ChainStatusAssembler assembler;

  /**
   * The operation for one session.
   *
   * @param session the session's shared state
   */
  public ChainStatusOperation(SessionContext session) {
    this.session = Objects.requireNonNull(session, "session");
    this.redaction = new RemoteTextRedaction(session.redactor());
    this.assembler =
        new ChainStatusAssembler(
            session.config(), session.provider().name(), session.provider()::identity, redaction);
  }

  /**
   * Reads the status.
   *
   * @param remoteSpec the explicit remote spec ({@code --remote-spec}), if given
   * @return the payload
   * @throws CloudException {@code missing_remote_spec}, {@code provider_failed}, {@code
   *     invalid_spec}, {@code invalid_args} (redacted)
   */
  public ChainStatus read(Optional<String> remoteSpec) {
    return observe(remoteSpec, OptionalLong.empty()).status();
  }

  /**
   * Reads the status for the supervisor, asking {@code gh} for a PR's state in the same exec.
   *
   * @param remoteSpec the explicit remote spec, if given
   * @param prNumber the PR to probe, if any
   * @return the payload and the PR probe's lower-cased answer (when probed)
   */
  public ChainObserver.Observed observe(Optional<String> remoteSpec, OptionalLong prNumber) {
    // the probe follows the local work below (marker, context, command): let a connection open
    // meanwhile
    session.provider().connectAhead();
    try {
      return gather(remoteSpec, prNumber, ChainStatusOperation::probe);
    } catch (CloudException e) {
      throw redaction.failure(e);
    }
  }

  /**
   * Runs a command on the box and then reads the status, in the same exec as the read's first probe
   * (the supervisor's sync refresh and its re-observation: one exec channel instead of two). The
   * step runs at most once, whatever the read does next.
   *
   * @param remoteSpec the explicit remote spec, if given
   * @param prNumber the PR to probe, if any
   * @param step the step's shell text
   * @param stepTimeout how long the step may take
   * @param stepAnswer receives the step's answer as soon as the exec returns (not called when the
   *     exec failed or the step's answer is missing)
   * @return the payload and the PR probe's answer
   * @throws CloudException as {@link #observe}, redacted
   */
  public ChainObserver.Observed observeAfter(
      Optional<String> remoteSpec,
      OptionalLong prNumber,
      String step,
      Duration stepTimeout,
      Consumer<ExecResult> stepAnswer) {
    session.provider().connectAhead();
    try {
      return gather(
          remoteSpec,
          prNumber,
          (shell, command) -> {
            ExecResult result =
                shell.exec(command.renderAfter(step), command.execTimeout().plus(stepTimeout));
            try {
              stepAnswer.accept(StatusProbeCommand.parseStep(result));
            } catch (CloudException missing) {
              // no answer from the step: the caller reports it; the probe's own answer may be whole
            }
            return StatusProbeCommand.parse(result);
          });
    } catch (CloudException e) {
      throw redaction.failure(e);
    }
  }

  /** How the read runs its first probe. */
  @FunctionalInterface
  private interface FirstProbe {
    StatusProbeResult run(RemoteShell shell, StatusProbeCommand command);
  }

  private ChainObserver.Observed gather(
      Optional<String> remoteSpec, OptionalLong prNumber, FirstProbe first) {
    Optional<LastChainMarker> marker = session.markers().readLastChain(session.cloudYaml());
    ChainTarget target =
        ChainTarget.resolve(remoteSpec, marker, session.config(), session.provider());
    ExecutionContext local = context(ChainState.empty(), target);
    Optional<RemoteShell> shell = session.provider().remoteShell();
    if (shell.isEmpty()) {
      return new ChainObserver.Observed(
          assembler.withoutRemoteShell(target, local), Optional.empty());
    }
    StatusProbeCommand command = command(target, local, prNumber);
    StatusProbeResult raw = first.run(shell.get(), command);
    assembler.requireSpec(target, raw);
    ChainState state = assembler.state(target, raw);
    // the state is the first source of every fact: the payload always uses the context resolved
    // with it (its extra repos too), and the probe is repeated only when it observed another runner
    ExecutionContext resolved = context(state, target);
    if (resolved.probesDifferently(local)) {
      command = command(target, resolved, prNumber);
      raw = probe(shell.get(), command);
      assembler.requireSpec(target, raw);
      state = assembler.state(target, raw);
      ExecutionContext again = context(state, target);
      // a state rewritten between the two reads must not describe a runner nobody probed
      resolved = again.probesDifferently(resolved) ? resolved : again;
    }
    Optional<String> plan = state.currentPlanName().filter(name -> !name.isEmpty());
    if (raw.needsPlanReprobe(plan)) {
      raw =
          raw.withPlanProbes(
              StatusProbeCommand.parsePlanProbes(
                  shell.get().exec(command.renderPlanProbes(plan), command.execTimeout())));
    }
    Optional<String> prState =
        raw.prState().map(answer -> redaction.text(answer).strip().toLowerCase(Locale.ROOT));
    return new ChainObserver.Observed(assembler.assemble(target, resolved, raw), prState);
  }

  private ExecutionContext context(ChainState state, ChainTarget target) {
    return ExecutionContext.resolve(
        state, target.marker(), target.remoteSpec(), session.config(), session.provider());
  }

  private static StatusProbeResult probe(RemoteShell shell, StatusProbeCommand command) {
    return StatusProbeCommand.parse(shell.exec(command.render(), command.execTimeout()));
  }

  private StatusProbeCommand command(
      ChainTarget target, ExecutionContext context, OptionalLong prNumber) {
    String spec = target.remoteSpec();
    try {
      return new StatusProbeCommand(
          session.provider().tmuxCommand(),
          session.launcher(),
          spec,
          ChainStatePath.statePath(spec),
          ChainStatePath.legacyStatePath(spec),
          ChainStatePath.runtimePolicyPath(spec),
          context.workspace(),
          context.session(),
          context.chainLog(target.marker()),
          prNumber,
          StatusProbeCommand.DEFAULT_CALL_TIMEOUT);
    } catch (IllegalArgumentException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Cannot probe the chain's runner: " + e.getMessage(),
          Map.of("session", context.session(), "session_source", context.sessionSource()));
    }
  }
}
