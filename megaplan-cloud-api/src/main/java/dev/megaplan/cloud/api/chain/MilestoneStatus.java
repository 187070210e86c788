package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A milestone's progress in a chain summary. */
public enum MilestoneStatus {
  /** The milestone's label is in the chain state's {@code completed} list. */
  COMPLETED,
  /** The milestone is the current one and megaplan has a plan for it. */
  IN_PROGRESS,
  /** Neither completed nor in progress. */
  PENDING;

  /**
   * The name used in JSON output and in the human summary.
   *
   * @return {@code completed}, {@code in_progress} or {@code pending}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
