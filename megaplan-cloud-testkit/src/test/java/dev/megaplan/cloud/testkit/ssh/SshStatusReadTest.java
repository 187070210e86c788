package dev.megaplan.cloud.testkit.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.MegaplanConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import dev.megaplan.cloud.providers.ssh.SshProvider;
import dev.megaplan.cloud.testkit.docker.DockerStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain status read on an ssh session: one connection and one exec channel per read, a
 * transparent reconnect after the server restarts between two reads, and a clear {@code
 * provider_failed} (no hang) when the server dies in the middle of one.
 */
@Timeout(120)
class SshStatusReadTest {
  static final String STATE =
      "{\"current_milestone_index\": 1, \"current_plan_name\": \"m2-plan\", \"last_state\":"
          + " \"running\", \"completed\": [{\"label\": \"m1\"}], \"sync_state\": \"clean\"}";

  @TempDir Path dir;
  SshServer server;
  Path workspace;
  Path launcher;
  String spec;
  SshProvider provider;

  @BeforeEach
  void start() throws IOException {
    DockerStandIn docker = DockerStandIn.install(dir.resolve("docker"));
    server = SshServer.start(dir.resolve("sshd"), List.of(docker.bin()));
    Path root = SshBoxes.mkdirs(dir.resolve("ws"));
    workspace = SshBoxes.mkdirs(root.resolve("chains/app"));
    spec = workspace.resolve("chain.yaml").toString();
    Files.writeString(
        Path.of(spec), "milestones:\n- {label: m1, idea: i1.md}\n- {label: m2, idea: i2.md}\n");
    Path state = Path.of(ChainStatePath.statePath(spec));
    Files.createDirectories(state.getParent());
    Files.writeString(state, STATE);
    launcher =
        SshBoxes.script(
            dir.resolve("bin/fake-megaplan"),
            "#!/bin/sh\n"
                + "[ -f "
                + ShellQuote.quote(dir.resolve("slow").toString())
                + " ] && sleep 60\n"
                + "case \"$1\" in\n"
                + "  status) printf '{\"plan\": \"%s\", \"status\": \"running\"}\\n' \"$3\" ;;\n"
                + "  verify-human) echo '{\"rows\": []}' ;;\n"
                + "esac\n");
    provider =
        SshBoxes.provider(
            SshBoxes.settings(server, SshBoxes.mkdirs(dir.resolve("home")), root.toString())
                .build());
  }

  @AfterEach
  void stop() {
    provider.close();
    server.close();
  }

  CloudSession session() {
    CloudConfig config =
        CloudConfig.builder()
            .provider("ssh")
            .repo(RepoConfig.builder().url("https://example.invalid/app.git").build())
            .megaplan(
                MegaplanConfig.builder().command(ShellQuote.quote(launcher.toString())).build())
            .chainSession("megaplan-chain-ssh")
            .build();
    return CloudSession.builder(config)
        .provider(provider)
        .home(dir.resolve("local-home"))
        .environment(Map.<String, String>of()::get)
        .cloudYaml(dir.resolve("project/cloud.yaml"))
        .open();
  }

  @Test
  void aStatusReadIsOneConnectionAndOneExecChannel() {
    CloudSession session = session();
    ChainStatus status = session.chainStatus().remoteSpec(spec).read();
    assertEquals("m2-plan", status.planStatus().get("plan"), status.toString());
    assertEquals(1, server.connections());
    assertEquals(1, server.sessions(), server.logText());
  }

  @Test
  void aServerRestartedBetweenTwoReadsOfOneSessionIsTransparent() {
    CloudSession session = session();
    ChainStatus first = session.chainStatus().remoteSpec(spec).read();
    server.kill();
    server.restart();
    ChainStatus second = session.chainStatus().remoteSpec(spec).read();
    assertEquals(first.effectiveStatus(), second.effectiveStatus());
    assertEquals(2, provider.connectionsOpened());
  }

  @Test
  void aServerKilledMidStatusIsAClearProviderFailedWithoutAHang() throws Exception {
    CloudSession session = session();
    session.chainStatus().remoteSpec(spec).read();
    Files.writeString(dir.resolve("slow"), "");
    Thread killer =
        new Thread(
            () -> {
              try {
                Thread.sleep(1000);
              } catch (InterruptedException e) {
                return;
              }
              server.kill();
            });
    killer.start();
    long start = System.nanoTime();
    CloudException failure =
        assertThrows(CloudException.class, () -> session.chainStatus().remoteSpec(spec).read());
    long took = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    killer.join();
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("127.0.0.1:" + server.port()), failure.getMessage());
    assertTrue(took < 15, "took " + took + " s");
    assertFalse(failure.getMessage().isBlank());
  }
}
