package dev.megaplan.cloud.providers.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Host providers on temp roots for one test; {@link #close()} kills every tmux server started. */
final class HostBoxes implements AutoCloseable {
  private final List<HostProvider> opened = new ArrayList<>();

  /** The test JVM's environment without tmux's variables, plus overrides. */
  static Map<String, String> environment(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("TMUX");
    env.remove("TMUX_PANE");
    env.putAll(overrides);
    return env;
  }

  HostProvider open(Path root) {
    return open(root, settings -> settings);
  }

  HostProvider open(Path root, UnaryOperator<HostSettings.Builder> customize) {
    Map<String, String> env = environment(Map.of());
    HostSettings.Builder builder =
        HostSettings.builder()
            .root(root)
            .home(Path.of(System.getProperty("user.home")))
            .environment(env::get)
            .commandTimeout(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(20));
    HostProvider provider = new HostProvider(customize.apply(builder).build());
    opened.add(provider);
    return provider;
  }

  @Override
  public void close() {
    for (HostProvider provider : opened) {
      try {
        provider.down();
      } catch (RuntimeException e) {
        // keep cleaning up the others
      }
    }
  }
}
