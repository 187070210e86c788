package dev.megaplan.cloud.testkit.railway;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import dev.megaplan.cloud.providers.railway.RailwayProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Railway "box" for tests: the GraphQL stand-in and the relay stand-in on loopback, the relay's
 * commands running as real processes under a temp root on this machine (with a private tmux server
 * through {@code TMUX_TMPDIR}), and the real {@link RailwayProvider} pointed at both through {@code
 * RAILWAY_API_URL} and {@code RAILWAY_RELAY_URL}. {@link #provider()} wraps it only to place {@code
 * /workspace} under the temp root, as the host provider does, since this machine has no container.
 */
final class RailwayBox implements AutoCloseable {
  static final String TOKEN = "rw-test-account-token-1a2b3c4d5e";

  final Path root;
  final Path home;
  final RailwayApiStandIn api;
  final RailwayRelayStandIn relay;
  final Map<String, String> env = new HashMap<>();
  final Map<String, String> boxEnv = new HashMap<>();

  RailwayBox(Path dir) throws IOException {
    root = Files.createDirectories(dir.resolve("box"));
    home = Files.createDirectories(dir.resolve("home"));
    Path tmux = Files.createDirectories(dir.resolve("tmux"));
    String path = System.getenv("PATH");
    boxEnv.put("PATH", path);
    boxEnv.put("HOME", root.toString());
    boxEnv.put("LANG", "C.UTF-8");
    boxEnv.put("TMUX_TMPDIR", tmux.toString());
    api =
        RailwayApiStandIn.start(
            Map.of("agent", "svc-1", "other", "svc-2"), Map.of("agent-data", "vol-1"));
    relay = RailwayRelayStandIn.start(boxEnv, root);
    env.put("PATH", path);
    env.put("RAILWAY_API_TOKEN", TOKEN);
    env.put("RAILWAY_API_URL", api.url());
    env.put("RAILWAY_RELAY_URL", relay.url());
  }

  static String yaml(String extra) {
    return "provider: railway\nrepo:\n  url: https://example.com/app.git\nrailway:\n  project: megaplan\n"
        + extra;
  }

  CloudConfig config(String yaml) {
    return CloudYaml.loader().homeDirectory(home).parse(yaml);
  }

  RailwayProvider railway(CloudConfig config) {
    return new RailwayProvider(
        ProviderContext.builder().config(config).environment(env::get).home(home).build(),
        Sleeper.SYSTEM,
        Clock.systemUTC());
  }

  /** The real provider, with {@code /workspace} placed under the temp root. */
  Provider provider(CloudConfig config) {
    RailwayProvider real = railway(config);
    String base = root.toString();
    return new Provider() {
      @Override
      public String name() {
        return real.name();
      }

      @Override
      public Capabilities capabilities() {
        return real.capabilities();
      }

      @Override
      public Optional<RemoteShell> remoteShell() {
        return real.remoteShell();
      }

      @Override
      public String remoteRoot() {
        return base;
      }

      @Override
      public String toRemotePath(String configuredPath) {
        if (configuredPath.equals("/workspace") || configuredPath.startsWith("/workspace/")) {
          return base + configuredPath.substring("/workspace".length());
        }
        return configuredPath;
      }

      @Override
      public String identity() {
        return real.identity();
      }

      @Override
      public DeployReport deploy(DeployRequest request) {
        return real.deploy(request);
      }

      @Override
      public void logs(LogRequest request) {
        real.logs(request);
      }

      @Override
      public void down() {
        real.down();
      }

      @Override
      public void close() {
        real.close();
      }
    };
  }

  @Override
  public void close() {
    ProcessBuilder kill =
        new ProcessBuilder("tmux", "kill-server")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .directory(root.toFile());
    kill.environment().clear();
    kill.environment().putAll(boxEnv);
    try {
      kill.start().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (IOException e) {
      // no tmux: nothing to stop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    relay.close();
    api.close();
  }

  List<String> operations() {
    return api.operations();
  }
}
