package dev.megaplan.cloud.core.internal.remote;

import dev.megaplan.cloud.api.CloudException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The verdict on a launch (03 §9), computed from one probe by a pure function.
 *
 * <ul>
 *   <li>{@code ok}: the session is alive and the chain advanced past init;
 *   <li>{@code warning}: alive but still at init after every attempt ("stuck init"), or the driver
 *       already exited after advancing (a one-shot tick, a short chain);
 *   <li>{@code verification_failed}: the session is gone and the chain never advanced;
 *   <li>{@code verification_unparseable}: the probe's answer could not be read.
 * </ul>
 *
 * "Advanced past init" means: a current plan name, a completed milestone, an index ≥ 0 in the
 * state, or any plan directory other than {@code .chains}.
 *
 * @param sessionAlive whether the session runs
 * @param advancedPastInit whether the chain got past init
 * @param statePresent whether the state file exists
 * @param chainLog the chain log path
 * @param chainLogSize its size, when it exists
 * @param planDirs the plan directories seen
 * @param attempts how many probes were made
 * @param likelyCause what probably went wrong, for anything but {@code ok}
 * @param status the verdict
 */
public record LaunchVerification(
    boolean sessionAlive,
    boolean advancedPastInit,
    boolean statePresent,
    String chainLog,
    OptionalLong chainLogSize,
    List<String> planDirs,
    int attempts,
    Optional<String> likelyCause,
    Status status) {

  /** Copies the list. */
  public LaunchVerification {
    Objects.requireNonNull(chainLog, "chainLog");
    planDirs = List.copyOf(planDirs);
  }

  /** The verdict; its JSON form is the lower-case name. */
  public enum Status {
    /** Alive and advanced. */
    OK,
    /** Alive but stuck at init, or exited after advancing. */
    WARNING,
    /** Exited without advancing. */
    VERIFICATION_FAILED,
    /** The probe's answer was unreadable. */
    VERIFICATION_UNPARSEABLE;

    /**
     * The JSON form.
     *
     * @return the snake_case name
     */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Judges one probe.
   *
   * @param probe what the probe saw
   * @param chainLog the chain log path
   * @param attempts the number of probes made so far
   * @return the verdict
   */
  public static LaunchVerification evaluate(
      LaunchProbeCommand.Probe probe, String chainLog, int attempts) {
    boolean advanced =
        !probe.planDirs().isEmpty()
            || probe.state().map(LaunchVerification::advanced).orElse(false);
    Status status;
    Optional<String> cause;
    if (probe.sessionAlive() && advanced) {
      status = Status.OK;
      cause = Optional.empty();
    } else if (probe.sessionAlive()) {
      status = Status.WARNING;
      cause =
          Optional.of(
              "chain still at init after "
                  + attempts
                  + " probe(s): megaplan has not picked a plan yet; inspect chain log "
                  + chainLog);
    } else if (advanced) {
      status = Status.WARNING;
      cause = Optional.of("driver exited after advancing; inspect chain log " + chainLog);
    } else {
      status = Status.VERIFICATION_FAILED;
      cause =
          Optional.of(
              "driver exited before the chain advanced past init; inspect chain log " + chainLog);
    }
    return new LaunchVerification(
        probe.sessionAlive(),
        advanced,
        probe.state().isPresent(),
        chainLog,
        probe.chainLogSize(),
        probe.planDirs(),
        attempts,
        cause,
        status);
  }

  /**
   * The verdict when the probe's answer could not be read.
   *
   * @param chainLog the chain log path
   * @param attempts the number of probes made
   * @param reason why it was unreadable
   * @return the verdict
   */
  public static LaunchVerification unparseable(String chainLog, int attempts, String reason) {
    return new LaunchVerification(
        false,
        false,
        false,
        chainLog,
        OptionalLong.empty(),
        List.of(),
        attempts,
        Optional.of("verification probe unreadable: " + reason),
        Status.VERIFICATION_UNPARSEABLE);
  }

  private static boolean advanced(String stateJson) {
    try {
      StateFacts facts = StateFacts.parse(stateJson);
      return facts.currentPlanName().isPresent()
          || facts.completedCount() > 0
          || facts.currentMilestoneIndex() >= 0;
    } catch (CloudException e) {
      return false; // a half-written or foreign file proves nothing
    }
  }
}
