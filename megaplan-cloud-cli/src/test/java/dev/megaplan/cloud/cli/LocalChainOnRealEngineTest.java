package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.testkit.docker.DockerEngine;
import dev.megaplan.cloud.testkit.docker.EnabledIfDockerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provider: local} on a real Docker engine with the real Docker Compose (the {@code docker
 * compose} plugin, or Debian's {@code docker-compose} when the client has none), through the
 * command line: {@code deploy} of the prebuilt test runner image ({@code image.ref}), exec, a
 * supervised three-milestone chain, logs, down and destroy. One compose project for the class; the
 * steps run in order and {@link #removeEverything()} leaves no container behind, pass or fail.
 */
@EnabledIfDockerEngine
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(600)
class LocalChainOnRealEngineTest {
  static final String SECRET = "pl4nted-real-engine-local-secret-5150";

  /** A secret .env must single-quote: Compose has to hand it over exactly, uninterpolated. */
  static final String PHRASE = "two words & $NOT_EXPANDED \"dq\" #not-a-comment";

  @TempDir static Path project;
  String composeProject = "mpce2e" + UUID.randomUUID().toString().substring(0, 8);
  int port = RealEngineSteps.freePort();
  Map<String, String> env;
  Path deployDir;

  @BeforeAll
  void writeCloudYaml() throws Exception {
    env = RealEngineSteps.environment(project, Map.of("E2E_TOKEN", SECRET, "E2E_PHRASE", PHRASE));
    deployDir = project.resolve("home/.megaplan/cloud/" + composeProject);
    Files.writeString(
        project.resolve("cloud.yaml"),
        "provider: local\n"
            + "repo: {url: /srv/origin, branch: main}\n"
            + "agents: {default: hermes}\n"
            + "secrets: [E2E_TOKEN, E2E_PHRASE]\n"
            + "megaplan: {command: megaplan-emulator, codex_auth: apikey}\n"
            + "image: {ref: "
            + DockerEngine.runnerImage()
            + "}\n"
            + "resources: {port: "
            + port
            + "}\n"
            + "local: {compose_project: "
            + composeProject
            + "}\n");
    RealEngineSteps.chainSpec(project, 8000);
  }

  @AfterAll
  void removeEverything() {
    for (String id : containers("-a")) {
      DockerEngine.docker(Duration.ofSeconds(60), "rm", "-f", "-v", id);
    }
    DockerEngine.docker(Duration.ofSeconds(60), "network", "rm", composeProject + "_default");
  }

  private CliRun cli(String... args) {
    return CliRun.in(project, env, "", args);
  }

  private List<String> containers(String... flags) {
    List<String> argv =
        new java.util.ArrayList<>(
            List.of("ps", "-q", "--filter", "label=com.docker.compose.project=" + composeProject));
    argv.addAll(List.of(flags));
    DockerEngine.Result ps =
        DockerEngine.docker(Duration.ofSeconds(60), argv.toArray(String[]::new));
    return ps.stdout().lines().filter(line -> !line.isBlank()).toList();
  }

  private String container() {
    List<String> running = containers();
    assertEquals(1, running.size(), "one agent container running: " + running);
    return running.get(0);
  }

  @Test
  @Order(1)
  void buildSkipsAndDeployRunsThePrebuiltImageWithTheSecretOnlyInItsEnvironment() throws Exception {
    CliRun build = cli("build");
    assertEquals(0, build.exit, build.toString());
    assertEquals("not_triggered", build.json().path("image_rebuild").asText(), build.toString());

    CliRun deploy;
    RealEngineSteps.ProcessSampler ps = new RealEngineSteps.ProcessSampler();
    try {
      deploy = cli("deploy");
    } finally {
      ps.close();
    }
    assertEquals(0, deploy.exit, deploy.toString());
    assertEquals(DockerEngine.runnerImage(), deploy.json().path("image_ref").asText());
    assertFalse(deploy.out.contains(SECRET), deploy.toString());
    assertFalse(deploy.err.contains(SECRET), deploy.toString());
    assertFalse(deploy.out.contains(PHRASE) || deploy.err.contains(PHRASE), deploy.toString());
    assertTrue(
        ps.seen().stream().anyMatch(args -> args.contains(" up -d")),
        "the sampler saw compose up: " + ps.seen().size() + " argument vectors");
    for (String args : ps.seen()) {
      assertFalse(
          args.contains(SECRET) || args.contains(PHRASE),
          "a process had a secret in its argv: " + args);
    }

    Path dotEnv = deployDir.resolve(".env");
    assertTrue(
        Files.readString(dotEnv).startsWith("PORT=" + port + "\nE2E_TOKEN=" + SECRET + "\n"),
        Files.readString(dotEnv));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dotEnv)));

    String id = container();
    JsonNode inspect =
        Json.mapper()
            .readTree(DockerEngine.docker(Duration.ofSeconds(60), "inspect", id).stdout())
            .get(0);
    assertEquals(DockerEngine.runnerImage(), inspect.path("Config").path("Image").asText());
    assertTrue(
        inspect.path("Config").path("Env").toString().contains("\"E2E_TOKEN=" + SECRET + "\""),
        "the secret is the container's environment");
    List<String> containerEnv = new java.util.ArrayList<>();
    inspect.path("Config").path("Env").forEach(variable -> containerEnv.add(variable.asText()));
    assertTrue(
        containerEnv.contains("E2E_PHRASE=" + PHRASE),
        "Compose passed the quoted value exactly: " + containerEnv);
    JsonNode withoutEnv = inspect.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) withoutEnv.path("Config")).remove("Env");
    assertFalse(
        withoutEnv.toString().contains(SECRET) || withoutEnv.toString().contains("NOT_EXPANDED"),
        "the secrets only in Config.Env");
    assertEquals(
        "/workspace/app", inspect.path("Config").path("WorkingDir").asText(), "working_dir");
    assertTrue(
        inspect.path("HostConfig").path("PortBindings").has(port + "/tcp"), inspect.toString());
  }

  @Test
  @Order(2)
  void execRelaysExitCodeStdoutAndStderrApartAndUploadsLand() throws Exception {
    CliRun run = cli("exec", "echo out; echo err >&2; exit 5");
    assertEquals(5, run.exit, run.toString());
    assertEquals("out\n", run.out);
    assertTrue(run.err.contains("err"), run.toString());
    assertFalse(run.out.contains("err"), run.toString());

    CliRun bind = cli("exec", "echo bound > /workspace/app/from-container && pwd");
    assertEquals(0, bind.exit, bind.toString());
    assertEquals("/workspace/app\n", bind.out, "exec runs in the service's working_dir");
    assertEquals("bound\n", Files.readString(deployDir.resolve("workspace/from-container")));

    CliRun origin = cli("exec", RealEngineSteps.MAKE_ORIGIN);
    assertEquals(0, origin.exit, origin.toString());
    assertTrue(origin.out.contains("origin-ready"), origin.toString());
  }

  @Test
  @Order(3)
  void aChainRunsIsSupervisedAfterItsRunnerIsKilledInsideTheContainerAndCompletes()
      throws Exception {
    RealEngineSteps.superviseAChainToComplete(
        () -> cli("chain", "briefs/chain.yaml"),
        () -> cli("status", "--chain"),
        () -> cli("supervise", "--chain"),
        container());
  }

  @Test
  @Order(4)
  void logsShowTheContainersLogOnceAndFollowNewLines() throws Exception {
    CliRun tail = cli("logs", "--no-follow");
    assertEquals(0, tail.exit, tail.toString());
    assertTrue(tail.out.contains("runner-box: ready"), tail.toString());
    List<Integer> seen = RealEngineSteps.heartbeats(tail.out);
    assertFalse(seen.isEmpty(), tail.toString());

    CliRun follow = RealEngineSteps.followFor(() -> cli("logs"), Duration.ofSeconds(8));
    assertEquals(0, follow.exit, follow.toString());
    List<Integer> followed = RealEngineSteps.heartbeats(follow.out);
    assertTrue(
        followed.get(followed.size() - 1) > seen.get(seen.size() - 1),
        "following showed heartbeats written after the tail: " + followed + " after " + seen);
    assertFalse(follow.out.contains(SECRET));
  }

  @Test
  @Order(5)
  void downStopsAndDestroyRemovesContainersVolumesNetworkAndTheDeployDir() throws Exception {
    String id = container();
    CliRun down = cli("down");
    assertEquals(0, down.exit, down.toString());
    assertEquals(List.of(), containers(), "nothing runs after down");
    assertEquals(
        "false",
        DockerEngine.docker(Duration.ofSeconds(60), "inspect", "--format", "{{.State.Running}}", id)
            .stdout()
            .strip(),
        "down stops the container and keeps it");

    CliRun destroy = cli("destroy", "--yes");
    assertEquals(0, destroy.exit, destroy.toString());
    assertEquals(List.of(), containers("-a"), "destroy removes the containers");
    DockerEngine.Result volumes =
        DockerEngine.docker(
            Duration.ofSeconds(60),
            "volume",
            "ls",
            "-q",
            "--filter",
            "label=com.docker.compose.project=" + composeProject);
    assertEquals("", volumes.stdout().strip(), "no volume of the project is left");
    DockerEngine.Result network =
        DockerEngine.docker(
            Duration.ofSeconds(60), "network", "inspect", composeProject + "_default");
    assertFalse(network.succeeded(), "the project's network is gone");
    assertFalse(Files.exists(deployDir), "destroy removes the deploy dir");
  }
}
