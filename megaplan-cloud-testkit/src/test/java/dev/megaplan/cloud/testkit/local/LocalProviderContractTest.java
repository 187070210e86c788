package dev.megaplan.cloud.testkit.local;

import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.providers.local.LocalProvider;
import dev.megaplan.cloud.testkit.ProviderContractTest;
import dev.megaplan.cloud.testkit.docker.DockerStandIn;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local provider's remote shell holds the provider contract over the Docker stand-in: every
 * command really goes through {@code docker compose -p P -f F exec -T agent bash -lc CMD} and the
 * stand-in runs it on this machine. The container's file system is this machine's, so the
 * contract's {@code /workspace} is a temp directory here (the only thing the wrapper changes).
 */
class LocalProviderContractTest extends ProviderContractTest {
  @TempDir Path temp;

  @Override
  protected Provider provider() {
    DockerStandIn docker = DockerStandIn.install(temp.resolve("docker"));
    Path home = temp.resolve("home");
    Path root = temp.resolve("workspace");
    Map<String, String> env =
        Map.of(
            "PATH", docker.path(System.getenv("PATH")), "HOME", home.toString(), "LANG", "C.UTF-8");
    LocalProvider local =
        new LocalProvider(
            ProviderContext.builder()
                .config(
                    CloudYaml.parse(
                        "provider: local\nrepo: {url: https://example.invalid/a.git}\n"))
                .environment(env::get)
                .home(home)
                .build());
    return new Provider() {
      @Override
      public String name() {
        return local.name();
      }

      @Override
      public Capabilities capabilities() {
        return local.capabilities();
      }

      @Override
      public Optional<RemoteShell> remoteShell() {
        return local.remoteShell();
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
        return local.identity();
      }

      @Override
      public void close() {
        local.close();
      }
    };
  }
}
