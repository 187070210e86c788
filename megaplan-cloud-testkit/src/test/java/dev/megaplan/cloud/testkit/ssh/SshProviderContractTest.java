package dev.megaplan.cloud.testkit.ssh;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.testkit.ProviderContractTest;
import dev.megaplan.cloud.testkit.docker.DockerStandIn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ssh provider holds the provider contract over a real OpenSSH sshd on 127.0.0.1: every command
 * goes through a JSch exec channel as {@code docker exec -i C bash -lc CMD}, and the docker
 * stand-in on the sshd's PATH runs it as {@code bash -lc CMD}. Fails (never skips) when sshd cannot
 * start.
 */
class SshProviderContractTest extends ProviderContractTest {
  @TempDir static Path dir;
  private static SshServer server;
  private static Path workspace;

  @BeforeAll
  static void startServer() {
    Path bin = DockerStandIn.install(dir.resolve("docker")).bin();
    server = SshServer.start(dir.resolve("sshd"), List.of(bin));
    workspace = SshBoxes.mkdirs(dir.resolve("workspace"));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected Provider provider() {
    return SshBoxes.provider(
        SshBoxes.settings(server, SshBoxes.mkdirs(dir.resolve("home")), workspace.toString())
            .build());
  }
}
