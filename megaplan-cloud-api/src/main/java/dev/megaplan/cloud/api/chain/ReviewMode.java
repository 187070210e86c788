package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The value of {@code review_policy.clean_milestone_pr}. */
public enum ReviewMode {
  /** Clean milestone PRs are handled automatically. */
  AUTO,
  /** A human reviews every milestone PR. */
  MANUAL;

  /**
   * The name as written in chain.yaml.
   *
   * @return {@code auto} or {@code manual}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
