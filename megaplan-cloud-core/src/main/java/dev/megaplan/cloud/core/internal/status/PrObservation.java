package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.chain.ChainState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payload's {@code pr}: {@code {pr_number, pr_state, pr_head?}} when the state records a PR (a
 * non-zero {@code pr_number}), else {@code {status: none}}. Read from the state only; the
 * supervisor asks {@code gh} separately.
 */
public final class PrObservation {
  private PrObservation() {}

  /**
   * The observation.
   *
   * @param state the chain state
   * @return the observation
   */
  public static Map<String, Object> of(ChainState state) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (state.prNumber().isEmpty() || state.prNumber().getAsInt() == 0) {
      out.put("status", "none");
      return out;
    }
    out.put("pr_number", state.prNumber().getAsInt());
    out.put("pr_state", state.prState().orElse(null));
    state.prHead().ifPresent(head -> out.put("pr_head", head));
    return out;
  }
}
