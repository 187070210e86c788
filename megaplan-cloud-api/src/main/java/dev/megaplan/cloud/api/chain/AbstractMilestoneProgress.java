package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;

/** One milestone's status in a chain summary: {@code {label, index, status}}. */
@Value.Immutable
@JsonPropertyOrder({"label", "index", "status"})
abstract class AbstractMilestoneProgress {
  /** The milestone label. */
  @JsonProperty("label")
  public abstract String label();

  /** The milestone's zero-based index in the chain spec. */
  @JsonProperty("index")
  public abstract int index();

  /** The milestone's status. */
  @JsonProperty("status")
  public abstract MilestoneStatus status();

  /**
   * A milestone's progress.
   *
   * @param label the label
   * @param index the zero-based index
   * @param status the status
   * @return the progress entry
   */
  public static MilestoneProgress of(String label, int index, MilestoneStatus status) {
    return MilestoneProgress.builder().label(label).index(index).status(status).build();
  }
}
