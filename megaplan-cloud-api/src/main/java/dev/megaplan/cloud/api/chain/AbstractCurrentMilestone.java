package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The milestone the chain state points at: {@code {label, index, branch?}}; {@code branch} is
 * rendered only when the milestone declares one.
 */
@Value.Immutable
@JsonPropertyOrder({"label", "index", "branch"})
abstract class AbstractCurrentMilestone {
  /** The milestone label. */
  @JsonProperty("label")
  public abstract String label();

  /** The milestone's zero-based index in the chain spec. */
  @JsonProperty("index")
  public abstract int index();

  /** The milestone's git branch, when the spec declares one. */
  @JsonProperty("branch")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> branch();
}
