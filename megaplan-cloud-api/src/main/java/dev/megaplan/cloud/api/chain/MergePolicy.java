package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a finished milestone's PR is merged; {@code manual} in a chain spec is read as {@link
 * #REVIEW}.
 */
public enum MergePolicy {
  /** megaplan merges the PR itself. */
  AUTO,
  /** megaplan stops at {@code awaiting_pr_merge} until a human merges the PR. */
  REVIEW;

  /**
   * The name as written in chain.yaml.
   *
   * @return {@code auto} or {@code review}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
