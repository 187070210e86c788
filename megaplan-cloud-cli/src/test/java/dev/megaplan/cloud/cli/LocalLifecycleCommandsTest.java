package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.testkit.docker.DockerStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build, deploy, logs, down and destroy on the local provider, against the Docker stand-in. */
class LocalLifecycleCommandsTest {
  private static final String SECRET = "sk-cli0planted0secret0value0local";

  @TempDir Path dir;
  DockerStandIn docker;
  Map<String, String> env;
  Path deployDir;

  @BeforeEach
  void setUp() throws Exception {
    docker = DockerStandIn.install(dir.resolve("docker"));
    env =
        Map.of(
            "PATH",
            docker.path(DockerStandIn.pathWithoutDocker(dir.resolve("bin"), "/usr/bin:/bin")),
            "LANG",
            "C.UTF-8",
            "OPENAI_API_KEY",
            SECRET);
    deployDir = dir.resolve("home/.megaplan/cloud/demo");
    Files.writeString(
        dir.resolve("cloud.yaml"),
        "provider: local\nrepo: {url: https://example.invalid/app.git}\n"
            + "local: {compose_project: demo}\nsecrets: [OPENAI_API_KEY]\n");
  }

  private List<String> compose(String... args) {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "docker",
                "compose",
                "-p",
                "demo",
                "-f",
                deployDir.resolve("docker-compose.yaml").toString()));
    argv.addAll(List.of(args));
    return argv;
  }

  @Test
  void deployPrintsTheStepsTheVerdictAndTheReport() {
    CliRun run = CliRun.in(dir, env, "", "deploy");
    assertEquals(0, run.exit, run.toString());
    // no terminal: no progress lines, only the header, a line per step and the verdict
    assertEquals(
        List.of(
            "cloud deploy: provider=local service=demo",
            "  ok  render Dockerfile",
            "  ok  render entrypoint.sh",
            "  ok  render healthserver.py",
            "  ok  render docker-compose.yaml",
            "  ok  render wrappers/run-in-tmux.sh",
            "  ok  render wrappers/supervise-with-backoff.sh",
            "  ok  render wrappers/chain.sh",
            "  ok  render wrappers/heartbeat.sh",
            "  ok  write .env",
            "  ok  compose up -d",
            "  ok  seed oauth: 0 seeded, 0 failed, 2 absent locally",
            "local runner up: compose project 'demo' in " + deployDir),
        run.err.lines().toList());
    JsonNode json = run.json();
    assertTrue(json.path("success").asBoolean());
    assertEquals("cloud_deploy", json.path("event").asText());
    assertEquals("local", json.path("provider").asText());
    assertEquals("demo", json.path("service").asText());
    assertEquals(deployDir.toString(), json.path("deploy_dir").asText());
    JsonNode steps = json.path("steps");
    assertEquals("render Dockerfile", steps.path(0).path("name").asText());
    assertEquals("render entrypoint.sh", steps.path(1).path("name").asText());
    assertTrue(steps.path(1).path("metadata").path("sha256").asText().matches("[0-9a-f]{64}"));
    assertEquals(
        deployDir.resolve("entrypoint.sh").toString(),
        steps.path(1).path("metadata").path("path").asText());
    assertEquals("seed oauth", steps.path(steps.size() - 1).path("name").asText());
    for (String key :
        List.of(
            "image_rebuild", "image_ref", "no_op", "vars_updated", "logs", "warnings", "verdict")) {
      assertTrue(json.has(key), key);
    }
    assertEquals("PORT", json.path("vars_updated").path(0).asText());
    assertFalse(run.out.contains(SECRET) || run.err.contains(SECRET), run.toString());
    assertEquals(compose("up", "-d"), docker.argvs().get(docker.argvs().size() - 1));
  }

  @Test
  void aFailedComposeUpExitsOneWithTheRedactedTail() {
    docker.failing("compose up", 1, "Error: invalid key " + SECRET);
    CliRun run = CliRun.in(dir, env, "", "deploy");
    assertEquals(1, run.exit, run.toString());
    assertFalse(run.json().path("success").asBoolean());
    assertTrue(run.out.contains("Error: invalid key ***REDACTED***"), run.out);
    assertFalse(run.out.contains(SECRET) || run.err.contains(SECRET), run.toString());
  }

  @Test
  void buildRunsComposeBuild() {
    CliRun run = CliRun.in(dir, env, "", "build");
    assertEquals(0, run.exit, run.toString());
    assertEquals("cloud_build", run.json().path("event").asText());
    assertEquals(compose("build"), docker.argvs().get(docker.argvs().size() - 1));
  }

  @Test
  void logsNoFollowPrintsTheTailRedacted() {
    docker.answering("compose logs", "agent-1  | key=" + SECRET + "\n");
    CliRun run = CliRun.in(dir, env, "", "logs", "--no-follow");
    assertEquals(0, run.exit, run.toString());
    assertEquals("agent-1  | key=***REDACTED***\n", run.out);
    assertEquals(compose("logs", "--tail", "200", "agent"), docker.argvs().get(1));
  }

  @Test
  void downStopsAndDestroyWithYesTearsDownAndRemovesTheDeployDir() {
    assertEquals(0, CliRun.in(dir, env, "", "deploy").exit);
    CliRun down = CliRun.in(dir, env, "", "down");
    assertEquals(0, down.exit, down.toString());
    // nothing on stdout, as the Python tool: the human line goes to stderr
    assertEquals("", down.out, down.toString());
    assertTrue(down.err.startsWith("cloud down: "), down.toString());
    CliRun destroy = CliRun.in(dir, env, "", "destroy", "--yes");
    assertEquals(0, destroy.exit, destroy.toString());
    assertEquals("", destroy.out, destroy.toString());
    assertTrue(destroy.err.startsWith("cloud destroy: "), destroy.toString());
    List<List<String>> argvs = docker.argvs();
    assertTrue(argvs.contains(compose("stop")), argvs.toString());
    assertEquals(compose("down", "--volumes", "--remove-orphans"), argvs.get(argvs.size() - 1));
    assertFalse(Files.exists(deployDir));
  }

  @Test
  void destroyWithoutYesAndWithoutATerminalRefusesAndDestroysNothing() {
    assertEquals(0, CliRun.in(dir, env, "", "deploy").exit);
    docker.clearJournal();
    CliRun run = CliRun.in(dir, env, "", "destroy");
    assertEquals(2, run.exit, run.toString());
    assertEquals("invalid_args", run.json().path("error").asText());
    assertEquals(List.of(), docker.argvs());
    assertTrue(Files.exists(deployDir.resolve(".env")));
  }

  @Test
  void withoutDockerDeployIsProviderUnavailableWithTheInstallLink() {
    CliRun run =
        CliRun.in(
            dir,
            Map.of(
                "PATH",
                DockerStandIn.pathWithoutDocker(dir.resolve("bin"), "/usr/bin:/bin"),
                "OPENAI_API_KEY",
                SECRET),
            "",
            "deploy");
    assertEquals(1, run.exit, run.toString());
    assertEquals("provider_unavailable", run.json().path("error").asText());
    assertEquals(
        "Missing required CLI 'docker'. Install: https://docs.docker.com/get-docker/",
        run.json().path("message").asText());
    assertFalse(Files.exists(deployDir));
  }
}
