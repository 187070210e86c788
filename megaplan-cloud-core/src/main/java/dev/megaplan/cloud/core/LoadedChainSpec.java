package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.chain.ChainSpec;
import java.util.List;
import java.util.Objects;

/**
 * A loaded chain.yaml together with its warnings: what megaplan accepts but reads in a way the
 * author may not expect, such as {@code driver.max_iterations is '50' (chain.yaml:3:19); megaplan
 * converts it to 50}.
 *
 * @param spec the spec, defaults filled in
 * @param warnings the warnings, in the order megaplan reads the fields; never null
 */
public record LoadedChainSpec(ChainSpec spec, List<String> warnings) {
  /**
   * Creates a loaded spec; the warnings are copied.
   *
   * @param spec the spec
   * @param warnings the warnings
   */
  public LoadedChainSpec {
    Objects.requireNonNull(spec, "spec");
    warnings = List.copyOf(warnings);
  }
}
