package dev.megaplan.cloud.api.chain;

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
  public abstract Optional<FailureAction> single();

  /**
   * The per-case actions ({@code retry}, {@code escalate}, {@code abort}), when the spec wrote a
   * mapping.
   */
  public abstract Map<String, FailureAction> byCase();

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
