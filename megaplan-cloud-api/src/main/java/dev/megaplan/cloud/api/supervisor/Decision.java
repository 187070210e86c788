package dev.megaplan.cloud.api.supervisor;

import java.util.Objects;
import java.util.Optional;

/**
 * What one supervisor tick decided: a closed set. Only {@link Restart} and {@link Advance} mutate
 * anything, and both mean the same safe act — restart the chain's canonical session with a one-shot
 * {@code chain start --one}.
 */
public sealed interface Decision
    permits Decision.Noop, Decision.Done, Decision.Blocked, Decision.Restart, Decision.Advance {

  /**
   * The report's {@code next_action}: {@code noop}, {@code done}, {@code blocked}, {@code restart}
   * or {@code advance}.
   *
   * @return the action name
   */
  String nextAction();

  /**
   * The report's {@code event} when the decision is carried out as decided.
   *
   * @return for example {@code supervisor_restarted}
   */
  String event();

  /**
   * Why the supervisor did not act, for decisions that do not mutate.
   *
   * @return the reason, or empty
   */
  Optional<String> refusedReason();

  /**
   * Whether carrying out this decision changes anything on the box.
   *
   * @return true for restart and advance
   */
  default boolean mutates() {
    return this instanceof Restart || this instanceof Advance;
  }

  /**
   * Nothing to do, and nothing refused: the chain is running. Its {@code refused_reason} is null.
   *
   * @return the decision
   */
  static Decision noop() {
    return new Noop(Optional.empty());
  }

  /**
   * Nothing to do, with a reason worth reporting (an effective status the policy does not know).
   *
   * @param reason why, or null
   * @return the decision
   */
  static Decision noop(String reason) {
    return new Noop(Optional.ofNullable(reason));
  }

  /**
   * The chain is complete.
   *
   * @return the decision
   */
  static Decision done() {
    return new Done();
  }

  /**
   * A human must act; the supervisor will not.
   *
   * @param reason why, in words a person can act on
   * @return the decision
   */
  static Decision blocked(String reason) {
    return new Blocked(reason);
  }

  /**
   * Restart a dead runner with a one-shot tick.
   *
   * @param target the session to restart
   * @return the decision
   */
  static Decision restart(RestartTarget target) {
    return new Restart(target);
  }

  /**
   * Advance past a merged PR with a one-shot tick.
   *
   * @param target the session to restart
   * @param prNumber the merged PR
   * @return the decision
   */
  static Decision advance(RestartTarget target, int prNumber) {
    return new Advance(target, prNumber);
  }

  /**
   * Nothing to do.
   *
   * @param reason why, when there is something worth saying
   */
  record Noop(Optional<String> reason) implements Decision {
    /** Checks the reason is present or explicitly empty. */
    public Noop {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String nextAction() {
      return "noop";
    }

    @Override
    public String event() {
      return "supervisor_tick";
    }

    @Override
    public Optional<String> refusedReason() {
      return reason;
    }
  }

  /** The chain is complete. */
  record Done() implements Decision {
    @Override
    public String nextAction() {
      return "done";
    }

    @Override
    public String event() {
      return "supervisor_tick";
    }

    /** Nothing was refused: {@code refused_reason} is null. */
    @Override
    public Optional<String> refusedReason() {
      return Optional.empty();
    }
  }

  /**
   * A human must act.
   *
   * @param reason why
   */
  record Blocked(String reason) implements Decision {
    /** Checks the reason is present. */
    public Blocked {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String nextAction() {
      return "blocked";
    }

    @Override
    public String event() {
      return "supervisor_blocked";
    }

    @Override
    public Optional<String> refusedReason() {
      return Optional.of(reason);
    }
  }

  /**
   * Restart a dead runner.
   *
   * @param target what to restart
   */
  record Restart(RestartTarget target) implements Decision {
    /** Checks the target is present. */
    public Restart {
      Objects.requireNonNull(target, "target");
    }

    @Override
    public String nextAction() {
      return "restart";
    }

    @Override
    public String event() {
      return "supervisor_restarted";
    }

    @Override
    public Optional<String> refusedReason() {
      return Optional.empty();
    }
  }

  /**
   * Advance past a merged PR.
   *
   * @param target what to restart
   * @param prNumber the merged PR
   */
  record Advance(RestartTarget target, int prNumber) implements Decision {
    /** Checks the target is present. */
    public Advance {
      Objects.requireNonNull(target, "target");
    }

    @Override
    public String nextAction() {
      return "advance";
    }

    @Override
    public String event() {
      return "supervisor_advanced";
    }

    @Override
    public Optional<String> refusedReason() {
      return Optional.empty();
    }
  }
}
