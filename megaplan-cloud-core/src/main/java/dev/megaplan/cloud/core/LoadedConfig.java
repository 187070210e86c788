package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.config.CloudConfig;
import java.util.List;
import java.util.Objects;

/**
 * A loaded cloud.yaml together with what {@code config validate} reports about it: warnings such as
 * {@code unknown key 'provder' (cloud.yaml:1:1)}.
 *
 * @param config the configuration, defaults filled in
 * @param warnings the warnings, in file order; never null
 */
public record LoadedConfig(CloudConfig config, List<String> warnings) {
  /**
   * Creates a loaded config; the warnings are copied.
   *
   * @param config the configuration
   * @param warnings the warnings
   */
  public LoadedConfig {
    Objects.requireNonNull(config, "config");
    warnings = List.copyOf(warnings);
  }
}
