package dev.megaplan.cloud.testkit.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.config.SshConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import dev.megaplan.cloud.providers.ssh.SshProvider;
import dev.megaplan.cloud.providers.ssh.SshProviderFactory;
import dev.megaplan.cloud.providers.ssh.SshSettings;
import dev.megaplan.cloud.testkit.docker.DockerStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH transport against a real sshd: one connection reused, host keys verified, keys and
 * passphrases, large and awkward uploads, a dead or restarted server.
 */
@Timeout(120)
class SshConnectionTest {
  static final String PASSPHRASE = "pl4nted-passphrase-91";

  @TempDir Path dir;
  SshServer server;
  DockerStandIn docker;
  Path workspace;
  Path home;

  @BeforeEach
  void start() {
    docker = DockerStandIn.install(dir.resolve("docker"));
    Path bin = docker.bin();
    server = SshServer.start(dir.resolve("sshd"), List.of(bin));
    workspace = SshBoxes.mkdirs(dir.resolve("workspace"));
    home = SshBoxes.mkdirs(dir.resolve("home"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  SshSettings.Builder settings() {
    return SshBoxes.settings(server, home, workspace.toString());
  }

  @Test
  void everyOperationOfASessionSharesOneConnection() {
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      RemoteShell shell = provider.remoteShell().orElseThrow();
      for (int i = 0; i < 10; i++) {
        assertEquals("x" + i + "\n", shell.exec("echo x" + i).stdout());
      }
      shell.upload(List.of(Upload.of(workspace + "/a.txt", utf8("a"))));
      assertEquals(Optional.of("a"), shell.read(workspace + "/a.txt"));
      assertEquals(1, provider.connectionsOpened());
    }
    assertEquals(1, server.connections(), server.logText());
    assertEquals(12, server.sessions(), "one exec channel per call");
  }

  @Test
  void aConnectionOpenedAheadIsTheOneTheNextCommandsUse() throws Exception {
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      provider.connectAhead();
      provider.connectAhead(); // a second hint while the first is under way changes nothing
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!server.logText().contains("Accepted publickey") && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertTrue(server.logText().contains("Accepted publickey"), "opened before any command");
      provider.connectAhead(); // open already: nothing to do
      assertEquals("ok\n", provider.remoteShell().orElseThrow().exec("echo ok").stdout());
      assertEquals(1, provider.connectionsOpened());
    }
    assertEquals(1, server.connections(), server.logText());
  }

  @Test
  void aConnectionThatCannotBeOpenedAheadFailsTheNextCommandAsItWouldWithoutTheHint()
      throws Exception {
    server.changeHostKey();
    String without;
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      without =
          assertThrows(
                  CloudException.class, () -> provider.remoteShell().orElseThrow().exec("true"))
              .getMessage();
    }
    long before = server.connections();
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      provider.connectAhead();
      CloudException failure =
          assertThrows(
              CloudException.class, () -> provider.remoteShell().orElseThrow().exec("true"));
      assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
      assertEquals(without, failure.getMessage());
    }
    assertEquals(before + 1, server.connections(), "one attempt, not one per call");
    assertFalse(server.logText().contains("Accepted publickey"), "never authenticated");
  }

  @Test
  void execSeparatesStdoutStderrAndTheExitCode() {
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      ExecResult result =
          provider.remoteShell().orElseThrow().exec("echo to-out; echo to-err >&2; exit 7");
      assertEquals(ExecResult.of(7, "to-out\n", "to-err\n"), result);
    }
  }

  @Test
  void aChangedHostKeyIsRefusedNamingHostTypeAndFingerprint() throws Exception {
    server.changeHostKey();
    String fingerprint = fingerprint(dir.resolve("sshd/host_ed25519.pub"));
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      CloudException failure =
          assertThrows(
              CloudException.class, () -> provider.remoteShell().orElseThrow().exec("true"));
      assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
      String message = failure.getMessage();
      assertTrue(message.contains("[127.0.0.1]:" + server.port()), message);
      assertTrue(message.contains("CHANGED"), message);
      assertTrue(message.contains("ssh-ed25519"), message);
      assertTrue(message.contains(fingerprint), message + " should name " + fingerprint);
    }
    assertFalse(server.logText().contains("Accepted publickey"), "never authenticated");
  }

  @Test
  void anUnknownHostKeyIsRefusedAndTheKnownHostsFileIsNotChanged() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty_known_hosts"), "");
    String fingerprint = fingerprint(dir.resolve("sshd/host_ed25519.pub"));
    try (SshProvider provider = SshBoxes.provider(settings().knownHosts(empty).build())) {
      CloudException failure =
          assertThrows(
              CloudException.class, () -> provider.remoteShell().orElseThrow().exec("true"));
      assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
      assertTrue(failure.getMessage().contains("is unknown"), failure.getMessage());
      assertTrue(failure.getMessage().contains(fingerprint), failure.getMessage());
      assertTrue(failure.getMessage().contains(empty.toString()), failure.getMessage());
    }
    assertEquals("", Files.readString(empty));
  }

  @Test
  void aHostKnownByAnotherKeyTypeIsAcceptedByThatKey() throws Exception {
    String ecdsaOnly = server.addHostKey("ecdsa");
    Path knownHosts = Files.writeString(dir.resolve("ecdsa_known_hosts"), ecdsaOnly);
    try (SshProvider provider = SshBoxes.provider(settings().knownHosts(knownHosts).build())) {
      assertEquals("ok\n", provider.remoteShell().orElseThrow().exec("echo ok").stdout());
    }
  }

  @Test
  void aWrongKeyIsRefusedWithAClearMessage() {
    Path wrong = server.unauthorizedClientKey("wrong_ed25519");
    try (SshProvider provider = SshBoxes.provider(settings().identityFile(wrong).build())) {
      CloudException failure =
          assertThrows(
              CloudException.class, () -> provider.remoteShell().orElseThrow().exec("true"));
      assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
      assertTrue(failure.getMessage().startsWith("SSH authentication to "), failure.getMessage());
      assertTrue(failure.getMessage().contains("key " + wrong), failure.getMessage());
    }
  }

  @Test
  void anEncryptedKeyWorksWithItsPassphraseAndThePassphraseIsNeverPrinted() {
    Path key = server.encryptedClientKey("encrypted_ed25519", PASSPHRASE);
    SshSettings settings =
        settings()
            .identityFile(key)
            .environment(Map.of("SSH_KEY_PASSPHRASE", PASSPHRASE)::get)
            .build();
    try (SshProvider provider = SshBoxes.provider(settings)) {
      assertEquals("ok\n", provider.remoteShell().orElseThrow().exec("echo ok").stdout());
    }
    try (SshProvider provider =
        SshBoxes.provider(
            settings()
                .identityFile(key)
                .environment(Map.of("SSH_KEY_PASSPHRASE", "not-" + PASSPHRASE)::get)
                .build())) {
      CloudException failure =
          assertThrows(
              CloudException.class, () -> provider.remoteShell().orElseThrow().exec("true"));
      assertFalse(failure.getMessage().contains(PASSPHRASE), failure.getMessage());
      assertFalse(failure.toString().contains(PASSPHRASE));
    }
    assertFalse(server.logText().contains(PASSPHRASE));
  }

  @Test
  void anEncryptedKeyWithoutPassphraseOrAgentSaysWhatToSet() {
    Path key = server.encryptedClientKey("encrypted_ed25519", PASSPHRASE);
    try (SshProvider provider = SshBoxes.provider(settings().identityFile(key).build())) {
      CloudException failure =
          assertThrows(
              CloudException.class, () -> provider.remoteShell().orElseThrow().exec("true"));
      assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure.code());
      assertTrue(failure.getMessage().contains("SSH_KEY_PASSPHRASE"), failure.getMessage());
    }
    assertEquals(0, server.connections(), "nothing was attempted");
  }

  @Test
  void theIdentityFileOfCloudYamlHasItsTildeExpandedAndDefaultKeysAreFound() throws Exception {
    Files.createDirectories(home.resolve(".ssh"));
    Files.copy(server.clientKey(), home.resolve(".ssh/test_key"));
    CloudConfig config =
        CloudConfig.builder()
            .provider("ssh")
            .repo(RepoConfig.builder().url("https://example.invalid/app.git").build())
            .ssh(
                SshConfig.builder()
                    .host(server.host())
                    .port(server.port())
                    .user(server.user())
                    .identityFile("~/.ssh/test_key")
                    .knownHosts(server.knownHosts().toString())
                    .build())
            .build();
    ProviderContext context =
        ProviderContext.builder()
            .config(config)
            .home(home)
            .environment(
                Map.of(SshProviderFactory.WORKSPACE_ROOT_VARIABLE, workspace.toString())::get)
            .build();
    SshSettings settings = SshProviderFactory.settings(context);
    assertEquals(Optional.of(home.resolve(".ssh/test_key")), settings.identityFile());
    assertEquals(home.resolve(".megaplan/cloud/ssh-127.0.0.1"), settings.deployDir());
    try (SshProvider provider = SshBoxes.provider(settings)) {
      assertEquals("ok\n", provider.remoteShell().orElseThrow().exec("echo ok").stdout());
    }
    Files.move(home.resolve(".ssh/test_key"), home.resolve(".ssh/id_ed25519"));
    try (SshProvider provider =
        SshBoxes.provider(
            SshBoxes.settings(server, home, workspace.toString()).identityFile(null).build())) {
      assertEquals("default\n", provider.remoteShell().orElseThrow().exec("echo default").stdout());
    }
  }

  @Test
  void aTwentyMegabyteUploadArrivesByteIdentical() throws Exception {
    byte[] content = new byte[20 * 1024 * 1024];
    new Random(7).nextBytes(content);
    String path = workspace + "/big/blob.bin";
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      provider.remoteShell().orElseThrow().upload(List.of(Upload.of(path, content)));
      ExecResult sum = provider.remoteShell().orElseThrow().exec("sha256sum < " + quote(path));
      assertEquals(sha256(content), sum.stdout().split(" ")[0]);
    }
    assertArrayEquals(content, Files.readAllBytes(Path.of(path)));
  }

  @Test
  void awkwardPathsArriveByteIdentical() throws Exception {
    List<String> names =
        List.of(
            "with spaces/a b.txt",
            "it's \"quoted\"/q.txt",
            "ünï cödé ✓/日本語.txt",
            "$HOME `x`/d.txt");
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      RemoteShell shell = provider.remoteShell().orElseThrow();
      for (String name : names) {
        byte[] content = ("content of " + name).getBytes(StandardCharsets.UTF_8);
        String path = workspace + "/" + name;
        shell.upload(List.of(Upload.of(path, content)));
        assertEquals(
            sha256(content), shell.exec("sha256sum < " + quote(path)).stdout().split(" ")[0]);
        assertArrayEquals(content, Files.readAllBytes(Path.of(path)));
      }
    }
  }

  @Test
  void aServerKilledMidCommandFailsClearlyAndQuickly() throws Exception {
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      RemoteShell shell = provider.remoteShell().orElseThrow();
      assertEquals(0, shell.exec("true").exitCode());
      Thread killer =
          new Thread(
              () -> {
                try {
                  Thread.sleep(700);
                } catch (InterruptedException e) {
                  return;
                }
                server.kill();
              });
      killer.start();
      long start = System.nanoTime();
      CloudException failure =
          assertThrows(CloudException.class, () -> shell.exec("sleep 60", Duration.ofSeconds(90)));
      long took = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      killer.join();
      assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
      assertTrue(
          failure.getMessage().contains("was lost while a command ran"), failure.getMessage());
      assertTrue(took < 15, "failed after " + took + " s");

      long again = System.nanoTime();
      CloudException down = assertThrows(CloudException.class, () -> shell.read(workspace + "/x"));
      assertEquals(ErrorCode.PROVIDER_FAILED, down.code());
      assertTrue(down.getMessage().contains("Could not connect to "), down.getMessage());
      assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - again) < 15);
    }
  }

  @Test
  void aServerRestartedBetweenTwoReadsIsReconnectedToTransparently() throws IOException {
    Files.writeString(workspace.resolve("state.json"), "{\"ok\": true}");
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      RemoteShell shell = provider.remoteShell().orElseThrow();
      assertEquals(Optional.of("{\"ok\": true}"), shell.read(workspace + "/state.json"));
      server.kill();
      server.restart();
      assertEquals(Optional.of("{\"ok\": true}"), shell.read(workspace + "/state.json"));
      assertEquals("after\n", shell.exec("echo after").stdout());
      assertEquals(2, provider.connectionsOpened());
    }
  }

  @Test
  void aMutationWhoseConnectionDropsMidRunIsNotSentAgain() throws Exception {
    Path counter = workspace.resolve("runs.txt");
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      RemoteShell shell = provider.remoteShell().orElseThrow();
      Thread killer =
          new Thread(
              () -> {
                try {
                  while (!Files.exists(counter)) {
                    Thread.sleep(20); // the command has reached the box
                  }
                } catch (InterruptedException e) {
                  return;
                }
                server.kill();
                server.restart();
              });
      killer.start();
      assertThrows(
          CloudException.class,
          () -> shell.exec("echo run >> " + quote(counter.toString()) + "; sleep 5"));
      killer.join();
      Thread.sleep(300);
      assertEquals(List.of("run"), Files.readAllLines(counter));
    }
  }

  @Test
  void aFrozenServerIsDroppedByKeepAliveInsteadOfHanging() {
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      RemoteShell shell = provider.remoteShell().orElseThrow();
      assertEquals(0, shell.exec("true").exitCode());
      Thread freezer =
          new Thread(
              () -> {
                try {
                  Thread.sleep(700);
                } catch (InterruptedException e) {
                  return;
                }
                server.freeze(true);
              });
      freezer.start();
      long start = System.nanoTime();
      CloudException failure =
          assertThrows(CloudException.class, () -> shell.exec("sleep 60", Duration.ofSeconds(90)));
      long took = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
      assertTrue(took < 20, "keep-alive (2 s x 3) should drop it; failed after " + took + " s");
    } finally {
      server.freeze(false);
    }
  }

  @Test
  void anUploadedSecretTravelsOnStdinAndIsInNoCommandOrLogLine() throws Exception {
    String seed = "{\"refresh_token\": \"" + PASSPHRASE + "\"}";
    String path = workspace + "/.creds/auth.json";
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      provider
          .remoteShell()
          .orElseThrow()
          .upload(
              List.of(Upload.builder().remotePath(path).content(utf8(seed)).mode(0600).build()));
    }
    assertEquals(seed, Files.readString(Path.of(path)));
    for (DockerStandIn.Call call : docker.calls()) {
      assertFalse(String.join(" ", call.argv()).contains(PASSPHRASE), call.toString());
    }
    assertFalse(server.logText().contains(PASSPHRASE));
  }

  @Test
  void attachRunsTmuxAttachInAPseudoTerminalInTheContainer() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    // Ctrl-D: end of input on the terminal, so the stand-in's stdin relay ends
    SshSettings settings =
        settings().terminal(new java.io.ByteArrayInputStream(new byte[] {4}), out).build();
    try (SshProvider provider = SshBoxes.provider(settings)) {
      int status = provider.attach(Optional.of("no-such-session"));
      assertEquals(1, status, out.toString(StandardCharsets.UTF_8));
    }
    assertEquals(
        List.of(
            List.of(
                "docker",
                "exec",
                "-it",
                "megaplan-test-agent",
                "tmux",
                "attach",
                "-t",
                "=no-such-session")),
        docker.argvs());
    assertTrue(
        server.logText().matches("(?s).*Starting session: command on pts/\\d+ for .*"),
        "a pseudo-terminal was allocated: " + server.logText());
  }

  @Test
  void attachToAnUnsafeSessionNameIsInvalidArgsAndRunsNothing() {
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      CloudException failure =
          assertThrows(
              CloudException.class, () -> provider.attach(Optional.of("x#(touch /tmp/c)")));
      assertEquals(ErrorCode.INVALID_ARGS, failure.code());
      assertTrue(failure.getMessage().startsWith("Session \"x#(touch /tmp/c)\" must use only"));
    }
    assertEquals(List.of(), docker.argvs());
    assertEquals(0, server.connections(), "a connection was opened");
  }

  @Test
  void attachWithoutASessionIsInvalidArgs() {
    try (SshProvider provider = SshBoxes.provider(settings().build())) {
      CloudException failure =
          assertThrows(CloudException.class, () -> provider.attach(Optional.empty()));
      assertEquals(ErrorCode.INVALID_ARGS, failure.code());
    }
  }

  private static String fingerprint(Path publicKey) throws Exception {
    Process keygen =
        new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    keygen.waitFor(10, TimeUnit.SECONDS);
    return out.split(" ")[1];
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "'\"'\"'") + "'";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
