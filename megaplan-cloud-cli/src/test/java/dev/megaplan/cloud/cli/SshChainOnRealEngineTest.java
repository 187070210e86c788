package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.testkit.docker.DockerEngine;
import dev.megaplan.cloud.testkit.docker.EnabledIfDockerEngine;
import dev.megaplan.cloud.testkit.ssh.SshServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
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
 * {@code provider: ssh} end to end on a real Docker engine: the real OpenSSH sshd harness on
 * 127.0.0.1 whose sessions run this machine's real {@code docker} client against the test engine
 * ({@code DOCKER_HOST} passed through {@code SetEnv}; {@code DOCKER_BUILDKIT=0} because the test
 * engine has no buildx). No docker stand-in and no moved workspace: {@code build} syncs the deploy
 * directory and runs {@code docker build} of the rendered Dockerfile from {@code image.base} = the
 * test base image, whose offline stand-ins of {@code apt-get} and {@code npm} make the two
 * registry-bound steps no-ops while every other line runs; {@code deploy} runs the built image with
 * its rendered entrypoint; then exec, a supervised chain, logs, down and destroy.
 */
@EnabledIfDockerEngine
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(900)
class SshChainOnRealEngineTest {
  static final String SECRET = "pl4nted-real-engine-ssh-secret-6174";

  @TempDir static Path dir;
  Path project;
  Path remote;
  SshServer server;
  String container = "mpce2e-ssh-" + UUID.randomUUID().toString().substring(0, 8);
  int port = RealEngineSteps.freePort();
  Map<String, String> env;

  @BeforeAll
  void start() throws Exception {
    Map<String, String> session = new HashMap<>();
    session.put("DOCKER_BUILDKIT", "0");
    String host = System.getenv("DOCKER_HOST");
    if (host != null) {
      session.put("DOCKER_HOST", host);
    }
    server = SshServer.start(dir.resolve("sshd"), List.of(), session);
    project = Files.createDirectories(dir.resolve("project"));
    remote = dir.resolve("remote");
    env = RealEngineSteps.environment(project, Map.of("E2E_TOKEN", SECRET));
    env.remove("DOCKER_HOST"); // only the far side talks to the engine
    Files.writeString(
        project.resolve("cloud.yaml"),
        "provider: ssh\n"
            + "repo: {url: /srv/origin, branch: main}\n"
            + "agents: {default: hermes}\n"
            + "secrets: [E2E_TOKEN]\n"
            + "megaplan: {command: megaplan-emulator, codex_auth: apikey}\n"
            + "image: {base: "
            + DockerEngine.baseImage()
            + "}\n"
            + "toolchains:\n"
            + "  - name: probe\n"
            + "    install: |\n"
            + "      RUN echo toolchain-ran > /opt/toolchain-probe && megaplan-emulator status\n"
            + "resources: {port: "
            + port
            + "}\n"
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
            + remote
            + "\n  container: "
            + container
            + "\n");
    RealEngineSteps.chainSpec(project, 8000);
  }

  @AfterAll
  void stop() {
    DockerEngine.docker(Duration.ofSeconds(60), "rm", "-f", "-v", container);
    DockerEngine.docker(Duration.ofSeconds(60), "rmi", "-f", container);
    if (server != null) {
      server.close();
    }
  }

  private CliRun cli(String... args) {
    return CliRun.in(project, env, "", args);
  }

  @Test
  @Order(1)
  void buildSyncsTheDeployDirAndBuildsTheRenderedDockerfileFromImageBase() throws Exception {
    CliRun build = cli("build");
    assertEquals(0, build.exit, build.toString());
    assertEquals("triggered", build.json().path("image_rebuild").asText(), build.toString());
    assertTrue(
        Files.readString(remote.resolve("Dockerfile"))
            .contains("\nFROM " + DockerEngine.baseImage() + "\n"));
    DockerEngine.Result image =
        DockerEngine.docker(
            Duration.ofSeconds(60),
            "image",
            "inspect",
            "--format",
            "{{json .Config.Entrypoint}}",
            container);
    assertEquals(
        "[\"/opt/megaplan-cloud/entrypoint.sh\"]", image.stdout().strip(), image.toString());

    CliRun again = cli("build");
    assertEquals(0, again.exit, again.toString());
    assertTrue(again.err.contains("0 sent"), "a second build sends nothing new: " + again.err);
  }

  @Test
  @Order(2)
  void deployRunsTheBuiltImageWithItsEntrypointHealthServerAndTheSecretOnlyInEnvFile()
      throws Exception {
    CliRun deploy;
    RealEngineSteps.ProcessSampler ps = new RealEngineSteps.ProcessSampler();
    try {
      deploy = cli("deploy");
    } finally {
      ps.close();
    }
    assertEquals(0, deploy.exit, deploy.toString());
    assertFalse(deploy.out.contains(SECRET) || deploy.err.contains(SECRET), deploy.toString());
    assertTrue(
        ps.seen().stream().anyMatch(args -> args.contains("docker run -d --name " + container)));
    for (String args : ps.seen()) {
      assertFalse(args.contains(SECRET), "a process had the secret in its argv: " + args);
    }
    Path dotEnv = remote.resolve(".env");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dotEnv)));
    assertTrue(Files.readString(dotEnv).contains("E2E_TOKEN=" + SECRET + "\n"));
    String inspect = DockerEngine.docker(Duration.ofSeconds(60), "inspect", container).stdout();
    assertTrue(inspect.contains("\"E2E_TOKEN=" + SECRET + "\""), "the container's environment");
    assertFalse(
        inspect.replace("\"E2E_TOKEN=" + SECRET + "\"", "").contains(SECRET),
        "the secret appears nowhere else in docker inspect");

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int health = -1;
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (health != 200 && System.nanoTime() < deadline) {
      try {
        health =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode();
      } catch (java.io.IOException notYet) {
        Thread.sleep(500);
      }
    }
    assertEquals(200, health, "the rendered health server answers GET / on the published port");

    CliRun probe =
        cli("exec", "cat /opt/toolchain-probe; stat -c %a /opt/megaplan-cloud/entrypoint.sh");
    assertEquals(0, probe.exit, probe.toString());
    assertEquals("toolchain-ran\n755\n", probe.out, "the custom toolchain snippet ran");
  }

  @Test
  @Order(3)
  void execRelaysExitCodesAndStderrFromTheContainer() {
    CliRun run = cli("exec", "echo out; echo err >&2; exit 5");
    assertEquals(5, run.exit, run.toString());
    assertEquals("out\n", run.out);
    assertTrue(run.err.contains("err"), run.toString());
    CliRun origin = cli("exec", RealEngineSteps.MAKE_ORIGIN);
    assertEquals(0, origin.exit, origin.toString());
  }

  @Test
  @Order(4)
  void aChainRunsIsSupervisedAfterItsRunnerIsKilledAndCompletes() throws Exception {
    RealEngineSteps.superviseAChainToComplete(
        () -> cli("chain", "briefs/chain.yaml"),
        () -> cli("status", "--chain"),
        () -> cli("supervise", "--chain"),
        container);
  }

  @Test
  @Order(5)
  void logsShowTheContainersLogAsTheEngineHasItAndFollowNewLinesOnce() throws Exception {
    CliRun tail = cli("logs", "--no-follow");
    assertEquals(0, tail.exit, tail.toString());
    assertTrue(tail.out.contains("[entrypoint]"), tail.toString());
    DockerEngine.Result engine =
        DockerEngine.docker(Duration.ofSeconds(60), "logs", "--tail", "200", container);
    assertEquals(
        (engine.stdout() + engine.stderr()).lines().sorted().toList(),
        tail.out.lines().sorted().toList(),
        "every line of the engine's own docker logs, each as often");

    String marker = "followed-line-" + UUID.randomUUID();
    CliRun follow =
        RealEngineSteps.followFor(
            () -> cli("logs"),
            Duration.ofSeconds(6),
            () ->
                DockerEngine.docker(
                    Duration.ofSeconds(60),
                    "exec",
                    container,
                    "sh",
                    "-c",
                    "echo " + marker + " > /proc/1/fd/1"));
    assertEquals(0, follow.exit, follow.toString());
    assertEquals(
        1,
        follow.out.lines().filter(marker::equals).count(),
        "a line written while following shows once: " + follow);
    assertFalse(follow.out.contains(SECRET));
  }

  @Test
  @Order(6)
  void downStopsAndDestroyRemovesTheContainerAndTheRemoteDir() {
    assertEquals(0, cli("down").exit);
    assertEquals(
        "false",
        DockerEngine.docker(
                Duration.ofSeconds(60), "inspect", "--format", "{{.State.Running}}", container)
            .stdout()
            .strip());
    CliRun destroy = cli("destroy", "--yes");
    assertEquals(0, destroy.exit, destroy.toString());
    assertFalse(
        DockerEngine.docker(Duration.ofSeconds(60), "inspect", "--type", "container", container)
            .succeeded(),
        "the container is gone");
    assertFalse(Files.exists(remote), "ssh.remote_dir is gone");
    assertFalse(server.logText().contains(SECRET));
  }
}
