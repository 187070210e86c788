package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import dev.megaplan.cloud.core.internal.remote.StatusProbeCommand;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult;
import dev.megaplan.cloud.core.internal.session.SessionContext;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a chain's status (04): resolves the chain and its execution context, gathers every
 * observation in ONE remote exec ({@link StatusProbeCommand}), and assembles the payload. Reads
 * only: nothing local or remote is written.
 *
 * <p>Round trips: one exec. A second only when the state, once parsed, says something the probe
 * could not know in advance: its current plan differs from the one the script extracted with {@code
 * sed} (only the plan probes are re-run), or it names another workspace or session than the local
 * sources did (the whole probe is re-run with the state's values, since the runner, the log and the
 * plan calls all depend on them). A provider without a remote shell gets no exec at all (see {@link
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
        new ChainStatusAssembler(session.config(), session.provider().name(), redaction);
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
    try {
      return gather(remoteSpec);
    } catch (CloudException e) {
      throw redaction.failure(e);
    }
  }

  private ChainStatus gather(Optional<String> remoteSpec) {
    Optional<LastChainMarker> marker = session.markers().readLastChain(session.cloudYaml());
    ChainTarget target =
        ChainTarget.resolve(remoteSpec, marker, session.config(), session.provider());
    ExecutionContext local = context(ChainState.empty(), target);
    Optional<RemoteShell> shell = session.provider().remoteShell();
    if (shell.isEmpty()) {
      return assembler.withoutRemoteShell(target, local);
    }
    StatusProbeCommand command = command(target, local);
    StatusProbeResult raw = probe(shell.get(), command);
    assembler.requireSpec(target, raw);
    ChainState state = assembler.state(target, raw);
    ExecutionContext used = local;
    ExecutionContext resolved = context(state, target);
    if (resolved.probesDifferently(local)) {
      command = command(target, resolved);
      raw = probe(shell.get(), command);
      assembler.requireSpec(target, raw);
      state = assembler.state(target, raw);
      used = resolved;
    }
    Optional<String> plan = state.currentPlanName().filter(name -> !name.isEmpty());
    if (raw.needsPlanReprobe(plan)) {
      raw =
          raw.withPlanProbes(
              StatusProbeCommand.parsePlanProbes(
                  shell.get().exec(command.renderPlanProbes(plan), command.execTimeout())));
    }
    return assembler.assemble(target, used, raw);
  }

  private ExecutionContext context(ChainState state, ChainTarget target) {
    return ExecutionContext.resolve(
        state, target.marker(), target.remoteSpec(), session.config(), session.provider());
  }

  private static StatusProbeResult probe(RemoteShell shell, StatusProbeCommand command) {
    return StatusProbeCommand.parse(shell.exec(command.render(), command.execTimeout()));
  }

  private StatusProbeCommand command(ChainTarget target, ExecutionContext context) {
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
          OptionalLong.empty(),
          StatusProbeCommand.DEFAULT_CALL_TIMEOUT);
    } catch (IllegalArgumentException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Cannot probe the chain's runner: " + e.getMessage(),
          Map.of("session", context.session(), "session_source", context.sessionSource()));
    }
  }
}
