package dev.megaplan.cloud.testkit.container;

import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.providers.internal.ProcessRunner;
import dev.megaplan.cloud.providers.internal.container.ContainerShell;
import dev.megaplan.cloud.providers.internal.container.LocalTransport;
import dev.megaplan.cloud.testkit.ProviderContractTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container wrapper holds the provider contract: {@link ContainerShell} over child processes of
 * this machine with an empty exec prefix, so every command really runs as {@code bash -lc CMD} and
 * every upload really travels through stdin, as it would through {@code docker exec -i}.
 */
class ContainerShellContractTest extends ProviderContractTest {
  @TempDir Path root;

  @Override
  protected Provider provider() {
    String path = System.getenv("PATH");
    Map<String, String> environment =
        Map.of("PATH", path, "HOME", root.toString(), "LANG", "C.UTF-8");
    ContainerShell shell =
        new ContainerShell(
            new LocalTransport(ProcessRunner.create(path), environment, root),
            List.of(),
            "test container");
    return new Provider() {
      @Override
      public String name() {
        return "container-test";
      }

      @Override
      public Capabilities capabilities() {
        return Capabilities.builder()
            .remoteShell(true)
            .namedSessions(false)
            .interactiveAttach(false)
            .persistentVolume(false)
            .sameMachine(false)
            .build();
      }

      @Override
      public Optional<RemoteShell> remoteShell() {
        return Optional.of(shell);
      }

      @Override
      public String remoteRoot() {
        return root.toString();
      }

      @Override
      public String toRemotePath(String configuredPath) {
        if (configuredPath.equals("/workspace") || configuredPath.startsWith("/workspace/")) {
          return root + configuredPath.substring("/workspace".length());
        }
        return configuredPath;
      }

      @Override
      public String identity() {
        return "test container";
      }

      @Override
      public void close() {}
    };
  }
}
