package dev.megaplan.cloud.providers.host.internal;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The explicit environment of every command on the host box: the named variables that are set
 * locally, never {@code TMUX} or {@code TMUX_PANE} (so nothing reaches the user's own tmux), and a
 * {@code HOME} even when the lookup has none.
 */
public final class HostEnvironment {
  /** Variables that are never passed on: they would point tmux at the user's own server. */
  public static final Set<String> BLOCKED = Set.of("TMUX", "TMUX_PANE");

  private HostEnvironment() {}

  /**
   * Builds the environment.
   *
   * @param lookup the local environment lookup
   * @param names the variables to pass when set
   * @param home the home to use when the lookup has no {@code HOME}, may be null
   * @return an unmodifiable map
   */
  public static Map<String, String> of(
      Function<String, String> lookup, Collection<String> names, Path home) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String name : names) {
      if (BLOCKED.contains(name)) {
        continue;
      }
      String value = lookup.apply(name);
      if (value != null) {
        environment.put(name, value);
      }
    }
    if (!environment.containsKey("HOME") && home != null) {
      environment.put("HOME", home.toString());
    }
    return Collections.unmodifiableMap(environment);
  }
}
