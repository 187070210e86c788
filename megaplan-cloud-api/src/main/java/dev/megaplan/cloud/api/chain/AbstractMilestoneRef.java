package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;

/** A milestone named by its label and its index in the chain spec: {@code {label, index}}. */
@Value.Immutable
@JsonPropertyOrder({"label", "index"})
abstract class AbstractMilestoneRef {
  /** The milestone label. */
  @JsonProperty("label")
  public abstract String label();

  /** The milestone's zero-based index in the chain spec. */
  @JsonProperty("index")
  public abstract int index();

  /**
   * A reference.
   *
   * @param label the label
   * @param index the zero-based index
   * @return the reference
   */
  public static MilestoneRef of(String label, int index) {
    return MilestoneRef.builder().label(label).index(index).build();
  }
}
