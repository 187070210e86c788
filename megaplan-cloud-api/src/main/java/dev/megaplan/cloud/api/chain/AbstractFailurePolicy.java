package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code on_failure} / {@code on_escalate}: either one action for every case ({@link #single()}),
 * or a mapping with {@code retry}, {@code escalate} and {@code abort} entries ({@link #byCase()}).
 */
@Value.Immutable
abstract class AbstractFailurePolicy {
  /** The single action, when the spec wrote a string. */
  @JsonIgnore
  public abstract Optional<FailureAction> single();

  /**
   * The per-case actions ({@code retry}, {@code escalate}, {@code abort}), when the spec wrote a
   * mapping.
   */
  @JsonIgnore
  public abstract Map<String, FailureAction> byCase();

  /**
   * The JSON form, as chain.yaml writes it: the action's name, or the per-case mapping.
   *
   * @return a string or a map of strings
   */
  @JsonValue
  public Object jsonValue() {
    if (single().isPresent()) {
      return single().get().wireName();
    }
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    byCase().forEach((key, action) -> cases.put(key, action.wireName()));
    return cases;
  }

  /**
   * The default policy, {@code stop_chain}.
   *
   * @return a policy whose single action is {@link FailureAction#STOP_CHAIN}
   */
  public static FailurePolicy stopChain() {
    return FailurePolicy.builder().single(FailureAction.STOP_CHAIN).build();
  }

  @Value.Check
  void check() {
    if (single().isPresent() == !byCase().isEmpty()) {
      throw new IllegalStateException("a failure policy is either one action or a mapping");
    }
  }
}
