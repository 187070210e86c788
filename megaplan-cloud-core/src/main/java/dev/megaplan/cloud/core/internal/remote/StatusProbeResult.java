package dev.megaplan.cloud.core.internal.remote;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The raw observations of one {@link StatusProbeCommand}, decoded but not interpreted: the chain
 * status reader (04) builds its payload from these.
 *
 * @param stateSource which state file was read
 * @param state the state file's text, when present and readable
 * @param spec the remote spec's text, when present and readable
 * @param runtimePolicy the runtime-policy overrides' text, when present and readable
 * @param unreadable the files ({@code state}, {@code spec}, {@code runtime_policy}) that exist but
 *     could not be read
 * @param runner the tmux liveness probe
 * @param chainLog the chain log's stat
 * @param planProbes the plan status and verification calls, when a plan was probed
 * @param prState the PR probe's raw answer ({@code unknown} when {@code gh} failed), when probed
 */
public record StatusProbeResult(
    StateSource stateSource,
    Optional<String> state,
    Optional<String> spec,
    Optional<String> runtimePolicy,
    List<String> unreadable,
    RunnerProbe runner,
    LogStat chainLog,
    PlanProbes planProbes,
    Optional<String> prState) {

  /** Copies the list. */
  public StatusProbeResult {
    Objects.requireNonNull(stateSource, "stateSource");
    unreadable = List.copyOf(unreadable);
  }

  /** Which state file was read. */
  public enum StateSource {
    /** The hashed path of 02. */
    HASHED,
    /** The legacy {@code chain_state.json}. */
    LEGACY,
    /** Neither exists. */
    ABSENT
  }

  /**
   * One command's answer.
   *
   * @param exitCode its exit status (124: killed by the time limit; 127: not found)
   * @param stdout its stdout, byte-exact
   * @param stderr its stderr
   */
  public record CommandOutput(int exitCode, String stdout, String stderr) {
    /**
     * Whether {@code timeout} killed it.
     *
     * @return true on exit 124
     */
    public boolean timedOut() {
      return exitCode == 124;
    }
  }

  /**
   * The plan probes.
   *
   * @param plan the plan name they used, empty when none ran
   * @param status {@code LAUNCHER status --plan P}
   * @param verifyHuman {@code LAUNCHER verify-human --list --plan P --json}
   */
  public record PlanProbes(
      Optional<String> plan, Optional<CommandOutput> status, Optional<CommandOutput> verifyHuman) {
    /** No plan, nothing probed. */
    public static final PlanProbes NONE =
        new PlanProbes(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Runner liveness as 04 names it. */
  public enum RunnerStatus {
    /** {@code has-session} succeeded. */
    ALIVE,
    /** tmux answered that the session (or its server) does not exist. */
    DEAD,
    /** The probe itself failed (tmux missing, unexpected error). */
    UNKNOWN;

    /**
     * The JSON form.
     *
     * @return the lower-case name
     */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The runner probe, interpreted.
   *
   * @param status alive, dead or unknown
   * @param detail tmux's own words, or the failure's reason
   */
  public record RunnerProbe(RunnerStatus status, String detail) {
    /**
     * Interprets {@code tmux has-session}'s answer: exit 0 is alive; exit 1 with "can't find
     * session", "no server running" or "error connecting" is dead; anything else is unknown.
     *
     * @param hasSession the command's answer
     * @return the interpretation
     */
    public static RunnerProbe fromHasSession(CommandOutput hasSession) {
      String err = hasSession.stderr().strip();
      if (hasSession.exitCode() == 0) {
        return new RunnerProbe(RunnerStatus.ALIVE, "tmux has-session succeeded");
      }
      if (hasSession.exitCode() == 1
          && (err.contains("can't find session")
              || err.contains("session not found")
              || ChainsListCommand.noServer(1, err))) {
        return new RunnerProbe(RunnerStatus.DEAD, err);
      }
      return new RunnerProbe(
          RunnerStatus.UNKNOWN,
          "tmux has-session failed (exit " + hasSession.exitCode() + "): " + ProbeJson.tail(err));
    }
  }

  /**
   * The chain log's stat.
   *
   * @param mtimeEpochSeconds modification time, seconds since the epoch
   * @param size size in bytes
   * @param unavailableReason why there is no stat
   */
  public record LogStat(
      OptionalLong mtimeEpochSeconds, OptionalLong size, Optional<String> unavailableReason) {
    static LogStat unavailable(String reason) {
      return new LogStat(OptionalLong.empty(), OptionalLong.empty(), Optional.of(reason));
    }

    static LogStat fromStat(CommandOutput stat) {
      if (stat.exitCode() != 0) {
        return unavailable(
            "stat failed (exit " + stat.exitCode() + "): " + ProbeJson.tail(stat.stderr()));
      }
      String[] parts = stat.stdout().strip().split("\\s+");
      try {
        return new LogStat(
            OptionalLong.of(Long.parseLong(parts[0])),
            OptionalLong.of(Long.parseLong(parts[1])),
            Optional.empty());
      } catch (RuntimeException e) {
        return unavailable("unreadable stat output: " + stat.stdout().strip());
      }
    }
  }

  /**
   * Whether the plan probes must run again: the name the script extracted differs from the parsed
   * state's {@code current_plan_name}.
   *
   * @param currentPlanName the plan the parsed state names
   * @return true when a second exec with {@link StatusProbeCommand#renderPlanProbes} is needed
   */
  public boolean needsPlanReprobe(Optional<String> currentPlanName) {
    return !planProbes.plan().equals(currentPlanName);
  }

  /**
   * A copy with other plan probes.
   *
   * @param probes the re-run probes
   * @return the copy
   */
  public StatusProbeResult withPlanProbes(PlanProbes probes) {
    return new StatusProbeResult(
        stateSource, state, spec, runtimePolicy, unreadable, runner, chainLog, probes, prState);
  }
}
