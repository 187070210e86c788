package dev.megaplan.cloud.api.status;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a chain stands, classified from its state, its plan's status and its runner (spec 04). The
 * JSON form is the snake_case name, for example {@code stale_bookkeeping}.
 */
public enum EffectiveStatus {
  /** Every milestone is processed. */
  COMPLETE,
  /** megaplan waits for the current milestone's PR to be merged. */
  AWAITING_PR_MERGE,
  /** The plan waits for a human to verify criteria. */
  AWAITING_HUMAN_VERIFY,
  /** A runner is driving the chain. */
  RUNNING,
  /** Nothing is driving the chain, or its bookkeeping is out of date. */
  STALE_BOOKKEEPING,
  /** A prerequisite a human must resolve blocks the plan. */
  HUMAN_PREREQUISITE,
  /** The validation gate fails and a human must resolve it. */
  QUALITY_GATE,
  /** The status could not be read. */
  UNKNOWN;

  /**
   * The JSON name.
   *
   * @return for example {@code awaiting_pr_merge}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks a status up by its JSON name.
   *
   * @param wireName for example {@code running}
   * @return the status, or {@link #UNKNOWN} for a name this version does not know
   */
  public static EffectiveStatus fromWireName(String wireName) {
    for (EffectiveStatus status : values()) {
      if (status.wireName().equals(wireName)) {
        return status;
      }
    }
    return UNKNOWN;
  }
}
