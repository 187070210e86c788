package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build, deploy, logs, down and destroy on the host provider, through the command line. */
class HostLifecycleCommandsTest {
  private static final String SECRET = "s3cret-deploy-value";

  @TempDir Path dir;
  Path root;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    root = dir.resolve("box");
    env = Map.of("PATH", System.getenv("PATH"), "LANG", "C.UTF-8");
    Files.writeString(
        dir.resolve("cloud.yaml"),
        "provider: host\nrepo: {url: https://example.invalid/app.git}\n"
            + "secrets: [DEPLOY_TOKEN]\nhost: {root: '"
            + root
            + "'}\n");
  }

  @AfterEach
  void tearDown() {
    CliRun.in(dir, env, "", "down");
  }

  @Test
  void buildChecksTheBoxAndPrintsTheReport() {
    CliRun run = CliRun.in(dir, env, "", "build");
    assertEquals(0, run.exit, run.toString());
    assertEquals("host", run.json().path("provider").asText());
    assertTrue(run.json().path("success").asBoolean());
    assertTrue(run.out.contains("tmux"), run.out);
  }

  @Test
  void deployRefusesAnUnsetSecretBeforeChangingAnything() {
    CliRun run = CliRun.in(dir, env, "", "deploy");
    assertEquals(1, run.exit, run.toString());
    assertEquals("missing_secrets", run.json().path("error").asText());
    assertEquals("DEPLOY_TOKEN", run.json().path("missing_secrets").path(0).asText());
    assertFalse(Files.exists(root));
  }

  @Test
  void deployNamesTheProviderAndNeverPrintsTheSecretsValue() {
    Map<String, String> withSecret =
        Map.of("PATH", System.getenv("PATH"), "LANG", "C.UTF-8", "DEPLOY_TOKEN", SECRET);
    CliRun run = CliRun.in(dir, withSecret, "", "deploy");
    assertEquals(0, run.exit, run.toString());
    assertTrue(run.err.startsWith("cloud deploy: provider=host service=" + root), run.err);
    assertFalse(run.out.contains(SECRET) || run.err.contains(SECRET), run.toString());
  }

  @Test
  void deployInChainModeStartsTheAgentSessionLikeAnEntrypoint() throws Exception {
    Files.writeString(
        dir.resolve("cloud.yaml"),
        "provider: host\nmode: chain\nchain: {spec: /workspace/app/chain.yaml}\n"
            + "repo: {url: https://example.invalid/app.git}\nagents: {default: hermes}\n"
            + "megaplan:\n  command: \""
            + dev.megaplan.cloud.testkit.EmulatorLauncher.command()
                .replace("\\", "\\\\")
                .replace("\"", "\\\"")
            + "\"\nhost: {root: '"
            + root
            + "'}\n");
    CliRun idle = CliRun.in(dir, env, "", "deploy");
    assertEquals(0, idle.exit, idle.toString());
    assertTrue(idle.out.contains("is missing; the box stays idle"), idle.out);

    Path app = root.resolve("app");
    Files.createDirectories(app);
    Files.writeString(
        app.resolve("chain.yaml"),
        "milestones:\n  - {label: m1, idea: m1.md}\nemulator: {step_ms: 100}\n");
    Files.writeString(app.resolve("m1.md"), "m1");
    CliRun deploy = CliRun.in(dir, env, "", "deploy");
    assertEquals(0, deploy.exit, deploy.toString());
    assertTrue(deploy.out.contains("\"detail\": \"started\""), deploy.out);
    assertFalse(deploy.json().path("no_op").asBoolean());

    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    String status = "";
    while (!status.equals("complete") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      CliRun read = CliRun.in(dir, env, "", "status", "--chain");
      status = read.exit == 0 ? read.json().path("effective_status").asText() : read.out;
    }
    assertEquals("complete", status);
  }

  @Test
  void logsWithoutFollowPrintTheChainLogTailRedacted() throws Exception {
    Path log = root.resolve("chain-1a2b3c4d/app/.megaplan/cloud-chain.log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "starting\nDEPLOY_TOKEN=abc123 pushed ghp_abcdef\ndone\n");
    CliRun run = CliRun.in(dir, env, "", "logs", "--no-follow");
    assertEquals(0, run.exit, run.toString());
    assertEquals("starting\nDEPLOY_TOKEN=***REDACTED*** pushed ***REDACTED***\ndone\n", run.out);
  }

  @Test
  void destroyWithoutATerminalNeedsYes() throws Exception {
    Files.createDirectories(root.resolve(".megaplan"));
    CliRun run = CliRun.in(dir, env, "", "destroy");
    assertEquals(2, run.exit, run.toString());
    assertEquals("invalid_args", run.json().path("error").asText());
    assertTrue(Files.exists(root));
  }

  @Test
  void destroyWithYesRemovesTheRoot() throws Exception {
    Files.createDirectories(root.resolve(".megaplan"));
    CliRun run = CliRun.in(dir, env, "", "destroy", "--yes");
    assertEquals(0, run.exit, run.toString());
    assertEquals("", run.out, run.toString());
    assertEquals("cloud destroy: destroyed " + root + "\n", run.err);
    assertFalse(Files.exists(root));
  }

  @Test
  void destroyOnATerminalAnsweredNoDestroysNothing() throws Exception {
    Files.createDirectories(root.resolve(".megaplan"));
    CliRun run = CliRun.onTerminal(dir, env, "n\n", "destroy");
    assertEquals(1, run.exit, run.toString());
    assertTrue(
        run.err.contains(
            "Destroy cloud deployment '" + root + "' (host, no volume configured)? [y/N]: "),
        run.toString());
    assertTrue(run.err.contains("nothing was destroyed"), run.toString());
    assertTrue(Files.exists(root.resolve(".megaplan")));
  }

  @Test
  void destroyOnATerminalAnsweredYesDestroys() throws Exception {
    Files.createDirectories(root.resolve(".megaplan"));
    CliRun run = CliRun.onTerminal(dir, env, "Yes\n", "destroy");
    assertEquals(0, run.exit, run.toString());
    assertFalse(Files.exists(root));
  }

  @Test
  void destroyNamesTheVolumeItWouldDelete() throws Exception {
    Files.writeString(
        dir.resolve("cloud.yaml"),
        Files.readString(dir.resolve("cloud.yaml")) + "resources: {volume: chain-data}\n");
    Files.createDirectories(root.resolve(".megaplan"));
    CliRun run = CliRun.onTerminal(dir, env, "", "destroy");
    assertEquals(1, run.exit, run.toString());
    assertTrue(
        run.err.contains("Destroy cloud deployment and delete volume 'chain-data'? [y/N]: "),
        run.toString());
    assertTrue(Files.exists(root.resolve(".megaplan")));
  }
}
