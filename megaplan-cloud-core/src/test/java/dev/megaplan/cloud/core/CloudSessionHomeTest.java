package dev.megaplan.cloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.internal.marker.LocalMarkers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a session looks for its local files: the builder's home, else HOME, else user.home. */
class CloudSessionHomeTest {
  @TempDir Path dir;

  private static final class Nowhere implements Provider {
    @Override
    public String name() {
      return "nowhere";
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.builder()
          .remoteShell(false)
          .namedSessions(false)
          .interactiveAttach(false)
          .persistentVolume(false)
          .sameMachine(false)
          .build();
    }

    @Override
    public Optional<RemoteShell> remoteShell() {
      return Optional.empty();
    }

    @Override
    public String identity() {
      return "nowhere";
    }

    @Override
    public void close() {}
  }

  private Path cloudYaml() {
    return dir.resolve("project/cloud.yaml");
  }

  /** Plants a marker naming {@code session} under {@code home}. */
  private void marker(Path home, String session) throws IOException {
    Path file = new LocalMarkers(home).lastChainPath(cloudYaml());
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"remote_spec\": \"/workspace/app/chain.yaml\", \"chain_session\": \"" + session + "\"}");
  }

  private CloudSession.Builder builder(Map<String, String> env) {
    return CloudSession.builder(CloudYaml.parse("provider: host\nrepo: {url: https://x/a.git}\n"))
        .provider(new Nowhere())
        .cloudYaml(cloudYaml())
        .environment(env::get);
  }

  @Test
  void theDefaultHomeIsTheEnvironmentsHome() throws IOException {
    Path home = dir.resolve("env-home");
    marker(home, "from-home-variable");
    try (CloudSession session = builder(Map.of("HOME", home.toString())).open()) {
      assertEquals(Optional.of("from-home-variable"), session.lastChainSession());
    }
  }

  @Test
  void anExplicitHomeBeatsTheEnvironmentsHome() throws IOException {
    Path home = dir.resolve("env-home");
    Path explicit = dir.resolve("explicit-home");
    marker(home, "from-home-variable");
    marker(explicit, "from-builder");
    try (CloudSession session = builder(Map.of("HOME", home.toString())).home(explicit).open()) {
      assertEquals(Optional.of("from-builder"), session.lastChainSession());
    }
  }

  @Test
  void anEmptyHomeFallsBackToUserHome() throws IOException {
    Path userHome = dir.resolve("user-home");
    marker(userHome, "from-user-home");
    String saved = System.getProperty("user.home");
    System.setProperty("user.home", userHome.toString());
    try (CloudSession session = builder(Map.of("HOME", "")).open()) {
      assertEquals(Optional.of("from-user-home"), session.lastChainSession());
    } finally {
      System.setProperty("user.home", saved);
    }
  }
}
