package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.megaplan.cloud.api.internal.AllowNulls;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One entry of the chain state's {@code completed} list: a finished milestone's {@link #label()}
 * plus whatever else megaplan recorded for it ({@code plan}, {@code status}, {@code pr_number},
 * {@code local_commit_sha}…), kept untouched in {@link #otherFields()}.
 */
@Value.Immutable
abstract class AbstractCompletedMilestone {
  /** The label of the finished milestone. */
  @JsonProperty("label")
  public abstract String label();

  /**
   * Every other field of the entry, in the order megaplan wrote them, as JSON-like JDK values
   * (maps, lists, strings, numbers, booleans, nulls). Rendered back next to {@code label}.
   */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> otherFields();

  /**
   * A completed entry with only a label.
   *
   * @param label the milestone label
   * @return the entry
   */
  public static CompletedMilestone of(String label) {
    return CompletedMilestone.builder().label(label).build();
  }

  @Value.Check
  void check() {
    if (otherFields().containsKey("label")) {
      throw new IllegalStateException("otherFields must not repeat 'label'");
    }
  }
}
