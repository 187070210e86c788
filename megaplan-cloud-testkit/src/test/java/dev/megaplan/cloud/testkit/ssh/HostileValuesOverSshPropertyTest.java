package dev.megaplan.cloud.testkit.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.core.internal.dispatch.LaunchContext;
import dev.megaplan.cloud.providers.ssh.SshProvider;
import dev.megaplan.cloud.testkit.docker.DockerStandIn;
import dev.megaplan.cloud.testkit.hostile.HostileValuesProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HostileValuesProperty} over the real sshd harness: every command travels as an SSH exec
 * request to a real OpenSSH server on 127.0.0.1, whose login shell runs the {@code docker exec …
 * bash -lc} of the ssh provider through the docker stand-in, so values cross one more shell than on
 * the host provider. The root role is the box's workspace root (the container's {@code /workspace},
 * here a test directory): an ssh provider on that root derives the chain's workspace and session
 * marker, and the launch refuses a root that makes them unsafe.
 */
@Timeout(600)
class HostileValuesOverSshPropertyTest extends HostileValuesProperty {
  @TempDir Path dir;
  private SshServer server;
  private SshProvider provider;
  private Path base;

  @BeforeEach
  void start() throws IOException {
    DockerStandIn docker = DockerStandIn.install(dir.resolve("docker"));
    server = SshServer.start(dir.resolve("sshd"), List.of(docker.bin()));
    base = Files.createDirectories(dir.resolve("hostile")).toRealPath();
    provider = SshBoxes.provider(settings(base.resolve("root").toString()));
  }

  @AfterEach
  void stop() {
    provider.close();
    server.close();
  }

  private dev.megaplan.cloud.providers.ssh.SshSettings settings(String root) {
    return SshBoxes.settings(server, SshBoxes.mkdirs(dir.resolve("home")), root).build();
  }

  @Override
  protected Provider provider() {
    return provider;
  }

  @Override
  protected Path base() {
    return base;
  }

  @Override
  protected int defaultSamples() {
    return 8;
  }

  @Override
  protected boolean rootRole(int sample, String root) {
    try (SshProvider rooted = SshBoxes.provider(settings(root))) {
      assertEquals(root, rooted.remoteRoot());
      LaunchContext launch =
          LaunchContext.derive(
              "chain.yaml",
              Optional.empty(),
              List.of("m1"),
              Optional.empty(),
              rooted.toRemotePath("/workspace/app"),
              false,
              "https://example.invalid/app.git",
              rooted.remoteRoot());
      try {
        runChain(
            rooted,
            launch.workspace(),
            launch.session(),
            root + "/.megaplan/cloud-sessions",
            "r" + sample);
        return true;
      } catch (IllegalArgumentException refused) {
        assertTrue(refused.getMessage().startsWith("workspace "), refused.getMessage());
        return false;
      }
    }
  }
}
