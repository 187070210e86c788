package dev.megaplan.cloud.testkit.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.core.ProviderRegistry;
import dev.megaplan.cloud.core.internal.dispatch.LaunchContext;
import dev.megaplan.cloud.testkit.HostBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * {@link HostileValuesProperty} on the {@code host} provider: real bash child processes, the root's
 * own tmux server. The root role goes through cloud.yaml's {@code host.root}: the loader decides,
 * and an accepted root becomes a real host provider (its own tmux server under the root) on which a
 * chain with the derived workspace and session runs.
 */
@Timeout(600)
class HostileValuesOnHostPropertyTest extends HostileValuesProperty {
  private HostBox box;
  private Path base;

  @BeforeEach
  void open() throws IOException {
    box = HostBox.open();
    base = Files.createDirectories(box.home().resolve("hostile")).toRealPath();
  }

  @AfterEach
  void close() {
    box.close();
  }

  @Override
  protected Provider provider() {
    return box.provider();
  }

  @Override
  protected Path base() {
    return base;
  }

  @Override
  protected int defaultSamples() {
    return 12;
  }

  @Override
  protected boolean rootRole(int sample, String root) {
    Optional<CloudConfig> config =
        load(
            "provider: host\nrepo: {url: "
                + HostBox.REPO_URL
                + "}\nhost: {root: "
                + HostileStrings.yamlQuoted(root)
                + "}\n");
    if (config.isEmpty()) {
      return false;
    }
    assertEquals(root, config.get().host().orElseThrow().root(), "the loader changed the root");
    Provider host =
        ProviderRegistry.discover()
            .factory("host")
            .create(
                ProviderContext.builder()
                    .config(config.get())
                    .environment(System::getenv)
                    .home(base.resolve("home"))
                    .build());
    try {
      assertEquals(root, host.remoteRoot(), "the provider changed the root");
      LaunchContext launch =
          LaunchContext.derive(
              "chain.yaml",
              Optional.empty(),
              List.of("m1"),
              Optional.empty(),
              host.toRemotePath("/workspace/app"),
              false,
              HostBox.REPO_URL,
              host.remoteRoot());
      runChain(
          host,
          launch.workspace(),
          launch.session(),
          root + "/.megaplan/cloud-sessions",
          "r" + sample);
      assertEquals(
          launch.sessionMarker(), root + "/.megaplan/cloud-sessions/" + launch.session() + ".json");
      return true;
    } finally {
      host.remoteShell()
          .orElseThrow()
          .exec(host.tmuxCommand() + " kill-server 2>/dev/null; true", Duration.ofSeconds(20));
      host.close();
    }
  }
}
