package dev.megaplan.cloud.api.status;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether the chain's tmux session runs, from a closed list (spec 05). */
public enum RunnerState {
  /** The session exists (the Python tool's {@code connected} reads as alive). */
  ALIVE,
  /** The session does not exist. */
  DEAD,
  /** The probe itself failed; the runner gets the benefit of the doubt. */
  UNKNOWN,
  /** The provider has no remote shell to probe with. */
  UNAVAILABLE;

  /**
   * The JSON name.
   *
   * @return for example {@code alive}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a runner status as written in a status payload.
   *
   * @param wireName {@code alive}, {@code connected}, {@code dead}, {@code unknown}, {@code
   *     unavailable}; anything else reads as {@link #UNKNOWN}
   * @return the state
   */
  public static RunnerState fromWireName(String wireName) {
    if ("connected".equals(wireName)) {
      return ALIVE;
    }
    for (RunnerState state : values()) {
      if (state.wireName().equals(wireName)) {
        return state;
      }
    }
    return UNKNOWN;
  }

  /**
   * Whether a runner in this state counts as alive (rules 3 and 4 of spec 04).
   *
   * @return true for {@link #ALIVE}
   */
  public boolean isAlive() {
    return this == ALIVE;
  }
}
