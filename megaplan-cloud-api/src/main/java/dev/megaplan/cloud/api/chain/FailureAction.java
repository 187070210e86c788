package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What megaplan does when a milestone fails or escalates. */
public enum FailureAction {
  /** Stop the whole chain. */
  STOP_CHAIN,
  /** Skip the milestone and go on. */
  SKIP_MILESTONE,
  /** Resume the milestone's plan. */
  RESUME_MILESTONE,
  /** Retry the milestone from the start. */
  RETRY_MILESTONE,
  /** Retry with a stronger profile. */
  BUMP_PROFILE,
  /** Retry with a higher robustness. */
  BUMP_ROBUSTNESS;

  /**
   * The name as written in chain.yaml.
   *
   * @return for example {@code stop_chain}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
