package dev.megaplan.cloud.api.supervisor;

import java.util.Objects;

/**
 * What carrying out a {@link Decision} did.
 *
 * @param status how it ended
 * @param detail what the box answered, redacted
 */
public record EffectOutcome(Status status, String detail) {
  /** How carrying out a decision ended. */
  public enum Status {
    /** The decision mutates nothing; nothing was run. */
    NOTHING_TO_DO,
    /** The session was restarted with a one-shot tick. */
    RESTARTED,
    /** Another supervisor restarted the runner first; nothing was done. */
    ALREADY_RESTARTED,
    /** Another supervisor holds the lock; nothing was done. */
    LOCKED,
    /** The session's marker names another chain; nothing was touched. */
    MARKER_MISMATCH,
    /** The restart failed. */
    FAILED
  }

  /** Checks the parts are present. */
  public EffectOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * Whether something changed on the box.
   *
   * @return true when the session was restarted
   */
  public boolean acted() {
    return status == Status.RESTARTED;
  }
}
