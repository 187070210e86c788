package dev.megaplan.cloud.testkit.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.providers.ssh.SshProvider;
import dev.megaplan.cloud.testkit.docker.DockerStandIn;
import java.nio.charset.StandardCharsets;
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

/** Authentication through a real {@code ssh-agent} holding the key (OpenSSH's own agent). */
@Timeout(60)
class SshAgentTest {
  @TempDir Path dir;
  SshServer server;
  Process agent;
  Path socket;

  @BeforeEach
  void start() throws Exception {
    Path bin = DockerStandIn.install(dir.resolve("docker")).bin();
    server = SshServer.start(dir.resolve("sshd"), List.of(bin));
    socket = dir.resolve("agent.sock");
    agent =
        new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("agent.out").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(socket) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(Files.exists(socket), "ssh-agent did not start");
  }

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.destroy();
    }
    server.close();
  }

  private void add(Path key, String passphrase) throws Exception {
    ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
    add.environment().put("SSH_AUTH_SOCK", socket.toString());
    add.environment().put("SSH_ASKPASS_REQUIRE", "force");
    Path askpass =
        SshBoxes.script(dir.resolve("askpass"), "#!/bin/sh\nprintf '%s\\n' '" + passphrase + "'\n");
    add.environment().put("SSH_ASKPASS", askpass.toString());
    add.environment().put("DISPLAY", "none");
    add.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = add.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(20, TimeUnit.SECONDS), "ssh-add hung");
    assertEquals(0, process.exitValue(), "ssh-add: " + out);
  }

  @Test
  void withoutAnIdentityFileTheAgentsKeyIsUsed() throws Exception {
    add(server.clientKey(), "");
    Path home = SshBoxes.mkdirs(dir.resolve("home")); // no ~/.ssh keys: only the agent can work
    try (SshProvider provider =
        SshBoxes.provider(
            SshBoxes.settings(server, home, dir.toString())
                .identityFile(null)
                .environment(Map.of("SSH_AUTH_SOCK", socket.toString())::get)
                .build())) {
      assertEquals("agent\n", provider.remoteShell().orElseThrow().exec("echo agent").stdout());
    }
  }

  @Test
  void anEncryptedIdentityFileWithoutPassphraseIsServedByTheAgent() throws Exception {
    Path key = server.encryptedClientKey("encrypted_ed25519", "agent-pass-1");
    add(key, "agent-pass-1");
    Path home = SshBoxes.mkdirs(dir.resolve("home"));
    try (SshProvider provider =
        SshBoxes.provider(
            SshBoxes.settings(server, home, dir.toString())
                .identityFile(key)
                .environment(Map.of("SSH_AUTH_SOCK", socket.toString())::get)
                .build())) {
      assertEquals("ok\n", provider.remoteShell().orElseThrow().exec("echo ok").stdout());
    }
  }
}
