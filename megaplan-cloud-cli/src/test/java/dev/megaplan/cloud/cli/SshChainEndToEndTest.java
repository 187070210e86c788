package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.providers.ssh.SshProviderFactory;
import dev.megaplan.cloud.testkit.EmulatorLauncher;
import dev.megaplan.cloud.testkit.docker.DockerStandIn;
import dev.megaplan.cloud.testkit.ssh.SshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ssh provider end to end, through the command line: a real OpenSSH sshd on 127.0.0.1, the
 * docker stand-in on its PATH (so {@code docker exec -i C bash -lc CMD} runs {@code bash -lc CMD}
 * on this machine, with the container's {@code /workspace} moved to a scratch directory), the
 * megaplan emulator as launcher by absolute path, a three-milestone chain.
 */
@Timeout(240)
class SshChainEndToEndTest {
  static final String SECRET = "pl4nted-e2e-ssh-secret-808";

  @TempDir Path dir;
  SshServer server;
  DockerStandIn docker;
  Path project;
  Path workspace;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    docker = DockerStandIn.install(dir.resolve("docker"));
    server = SshServer.start(dir.resolve("sshd"), List.of(docker.bin()));
    project = dir.resolve("project");
    workspace = dir.resolve("workspace");
    Files.createDirectories(project.resolve("briefs"));
    Files.createDirectories(workspace);
    Path origin = dir.resolve("origin");
    run(List.of("git", "init", "-q", "-b", "main", origin.toString()));
    run(
        List.of(
            "git",
            "-C",
            origin.toString(),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.invalid",
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "initial"));
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", project.resolve("home").toString());
    env.put("LANG", "C.UTF-8");
    env.put("E2E_TOKEN", SECRET);
    env.put(SshProviderFactory.WORKSPACE_ROOT_VARIABLE, workspace.toString());
    Files.writeString(
        project.resolve("cloud.yaml"),
        "provider: ssh\n"
            + "repo:\n  url: "
            + origin
            + "\n  branch: main\n"
            + "agents: {default: hermes}\n"
            + "secrets: [E2E_TOKEN]\n"
            + "megaplan:\n  command: \""
            + EmulatorLauncher.command().replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"\n"
            + "ssh:\n"
            + "  host: "
            + server.host()
            + "\n  port: "
            + server.port()
            + "\n  user: "
            + server.user()
            + "\n  identity_file: "
            + server.clientKey()
            + "\n  known_hosts: "
            + server.knownHosts()
            + "\n  remote_dir: "
            + dir.resolve("remote")
            + "\n");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private void chainSpec(int stepMs, String scenario) throws IOException {
    Files.writeString(
        project.resolve("briefs/chain.yaml"),
        "milestones:\n"
            + "  - {label: m1, idea: m1.md}\n"
            + "  - {label: m2, idea: m2.md}\n"
            + "  - {label: m3, idea: m3.md}\n"
            + "emulator:\n  step_ms: "
            + stepMs
            + "\n"
            + scenario);
    for (String m : List.of("m1", "m2", "m3")) {
      Files.writeString(project.resolve("briefs/" + m + ".md"), "# " + m + "\n");
    }
  }

  private CliRun cli(String... args) {
    return CliRun.in(project, env, "", args);
  }

  private JsonNode statusUntil(Predicate<JsonNode> done, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      CliRun status = cli("status", "--chain");
      if (status.exit == 0) {
        last = status.json();
        if (done.test(last)) {
          return last;
        }
      } else {
        last = null;
      }
      Thread.sleep(200);
    }
    fail("status never matched; last: " + last);
    return last;
  }

  private static Predicate<JsonNode> effective(String status) {
    return json -> status.equals(json.path("effective_status").asText());
  }

  @Test
  void aChainLaunchesRunsIsSupervisedAfterItsRunnerDiesAndCompletes() throws Exception {
    // m1 is held until released, so the runner is surely alive while the test looks at it
    chainSpec(200, "  hold: m1\n");
    CliRun launch = cli("chain", "briefs/chain.yaml");
    assertEquals(0, launch.exit, launch.toString());
    assertEquals("cloud_chain_launched", launch.json().path("event").asText());
    String session = launch.json().path("tmux").path("session").asText();

    JsonNode running = statusUntil(effective("running"), Duration.ofSeconds(30));
    CliRun chains = cli("chains");
    assertEquals(0, chains.exit, chains.toString());
    assertTrue(chains.out.contains(session), chains.toString());

    tmux("kill-session", "-t", "=" + session);
    JsonNode stale = statusUntil(effective("stale_bookkeeping"), Duration.ofSeconds(30));
    assertEquals("dead", stale.path("runner").path("status").asText());

    CliRun tick = cli("supervise", "--chain");
    assertEquals(0, tick.exit, tick.toString());
    assertEquals("supervisor_restarted", tick.json().path("event").asText());
    assertTrue(tick.json().path("acted").asBoolean());
    String release = Path.of(running.path("spec").asText()).resolveSibling("m1.release").toString();
    CliRun released = cli("exec", "touch", "'" + release + "'"); // a temp path: no quotes in it
    assertEquals(0, released.exit, released.toString());

    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!"done".equals(cli("supervise", "--chain").json().path("next_action").asText())) {
      if (System.nanoTime() > deadline) {
        fail("the supervisor never saw the chain complete");
      }
      Thread.sleep(500);
    }
    JsonNode complete = statusUntil(effective("complete"), Duration.ofSeconds(10));
    assertEquals(3, complete.path("chain_state").path("current_milestone_index").asInt());

    for (DockerStandIn.Call call : docker.calls()) {
      assertFalse(String.join(" ", call.argv()).contains(SECRET), call.toString());
    }
    assertFalse(server.logText().contains(SECRET));
  }

  @Test
  void execRelaysTheExitCodeAndKeepsStderrApart() {
    CliRun run = cli("exec", "echo", "out;", "echo", "err", ">&2;", "exit", "5");
    assertEquals(5, run.exit, run.toString());
    assertEquals("out\n", run.out);
    assertTrue(run.err.contains("err"), run.toString());
    assertFalse(run.out.contains("err"), run.toString());
  }

  @Test
  void aStatusReadWhoseServerIsGoneFailsClearlyWithoutHanging() throws Exception {
    chainSpec(4000, "");
    assertEquals(0, cli("chain", "briefs/chain.yaml").exit);
    server.kill();
    long start = System.nanoTime();
    CliRun status = cli("status", "--chain");
    long took = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    assertEquals(1, status.exit, status.toString());
    assertEquals("provider_failed", status.json().path("error").asText(), status.toString());
    assertTrue(status.json().path("message").asText().contains("127.0.0.1"), status.toString());
    assertTrue(took < 30, "took " + took + " s");
    server.restart();
    tmux("kill-server");
  }

  @Test
  void buildDeployLogsDownAndDestroyThroughTheCommandLine() throws Exception {
    Path remote = dir.resolve("remote");
    CliRun build = cli("build");
    assertEquals(0, build.exit, build.toString());
    assertEquals("cloud_build", build.json().path("event").asText());
    assertEquals("triggered", build.json().path("image_rebuild").asText());
    assertTrue(Files.exists(remote.resolve("Dockerfile")), "the deploy dir was synced");

    CliRun deploy = cli("deploy");
    assertEquals(0, deploy.exit, deploy.toString());
    assertEquals("cloud_deploy", deploy.json().path("event").asText());
    assertTrue(Files.readString(remote.resolve(".env")).contains("E2E_TOKEN=" + SECRET));
    assertFalse(deploy.out.contains(SECRET), deploy.toString());
    assertFalse(deploy.err.contains(SECRET), deploy.toString());

    Map<String, String> unset = new HashMap<>(env);
    unset.remove("E2E_TOKEN");
    CliRun missing = CliRun.in(project, unset, "", "deploy");
    assertEquals(1, missing.exit, missing.toString());
    assertEquals("missing_secrets", missing.json().path("error").asText());

    docker.answering("logs", "runner line\n");
    CliRun logs = cli("logs", "--no-follow");
    assertEquals(0, logs.exit, logs.toString());
    assertEquals("runner line\n", logs.out);

    assertEquals(0, cli("down").exit);
    CliRun destroy = cli("destroy", "--yes");
    assertEquals(0, destroy.exit, destroy.toString());
    assertFalse(Files.exists(remote), "destroy removes ssh.remote_dir");
    List<List<String>> argvs = docker.argvs();
    assertTrue(argvs.contains(List.of("docker", "stop", "megaplan-cloud-agent")), argvs.toString());
    assertTrue(
        argvs.contains(List.of("docker", "rm", "-f", "megaplan-cloud-agent")), argvs.toString());
    for (DockerStandIn.Call call : docker.calls()) {
      assertFalse(String.join(" ", call.argv()).contains(SECRET), call.toString());
    }
    assertFalse(server.logText().contains(SECRET));
  }

  private void tmux(String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add("tmux");
    builder.command().addAll(List.of(args));
    builder.environment().put("TMUX_TMPDIR", server.tmuxDir().toString());
    builder.environment().remove("TMUX");
    Process process = builder.redirectErrorStream(true).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("timed out: tmux " + List.of(args));
    }
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("timed out: " + command);
    }
  }
}
