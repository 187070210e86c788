package dev.megaplan.cloud.testkit.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.core.internal.deploy.DeployDirectory;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.providers.ssh.SshProvider;
import dev.megaplan.cloud.providers.ssh.SshSettings;
import dev.megaplan.cloud.testkit.docker.DockerStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * build, deploy, logs, down and destroy over a real sshd, with the docker stand-in recording every
 * docker call the provider makes on the host.
 */
@Timeout(120)
class SshLifecycleTest {
  static final String SECRET = "pl4nted-ssh-secret-4711";
  static final String CONTAINER = "megaplan-test-agent";

  @TempDir Path dir;
  SshServer server;
  DockerStandIn docker;
  Path home;
  Path remote;
  SshProvider provider;
  List<String> progress = new ArrayList<>();

  @BeforeEach
  void start() {
    docker = DockerStandIn.install(dir.resolve("docker"));
    server = SshServer.start(dir.resolve("sshd"), List.of(docker.bin()));
    home = SshBoxes.mkdirs(dir.resolve("home"));
    SshSettings settings =
        SshBoxes.settings(server, home, SshBoxes.mkdirs(dir.resolve("ws")).toString()).build();
    remote = Path.of(settings.remoteDir());
    CloudConfig config =
        CloudConfig.builder()
            .provider("ssh")
            .repo(RepoConfig.builder().url("https://example.invalid/app.git").build())
            .secrets(List.of("E2E_TOKEN"))
            .build();
    provider =
        new SshProvider(
            settings,
            target -> DeployDirectory.render(config, DeployDirectory.Target.SSH, target).steps());
  }

  @AfterEach
  void stop() {
    provider.close();
    server.close();
  }

  DeployRequest request() {
    return DeployRequest.builder().progress(progress::add).build();
  }

  @Test
  void buildRendersSyncsTheDeployDirAndBuildsTheImageOnTheHost() throws Exception {
    DeployReport report = provider.build(request());
    assertTrue(report.success(), report.toString());
    assertEquals("cloud_build", report.event());
    assertEquals("triggered", report.imageRebuild());
    assertEquals("render Dockerfile", report.steps().get(0).name());
    Path local = home.resolve(".megaplan/cloud/ssh-127.0.0.1");
    for (String file : List.of("Dockerfile", "entrypoint.sh", "wrappers/chain.sh")) {
      assertEquals(
          Files.readString(local.resolve(file)), Files.readString(remote.resolve(file)), file);
    }
    assertTrue(Files.isExecutable(remote.resolve("entrypoint.sh")));
    assertEquals(
        List.of(List.of("docker", "build", "-t", CONTAINER, remote.toString())), docker.argvs());
  }

  @Test
  void aSecondBuildSendsOnlyChangedFiles() throws Exception {
    provider.build(request());
    DeployReport again = provider.build(request());
    DeployStep sync = step(again, "sync deploy dir");
    assertEquals(List.of(), sync.metadata().get("sent"), sync.toString());

    Files.writeString(remote.resolve("Dockerfile"), "tampered");
    DeployStep resent = step(provider.build(request()), "sync deploy dir");
    assertEquals(List.of("Dockerfile"), resent.metadata().get("sent"));
    assertEquals(
        Files.readString(home.resolve(".megaplan/cloud/ssh-127.0.0.1/Dockerfile")),
        Files.readString(remote.resolve("Dockerfile")));
  }

  @Test
  void aFailedImageBuildIsAFailedReportWithTheStderrTail() {
    docker.failing("build", 1, "no space left on device");
    DeployReport report = provider.build(request());
    assertFalse(report.success());
    assertEquals("not_triggered", report.imageRebuild());
    DeployStep build = step(report, "docker build");
    assertEquals("failed", build.status());
    assertEquals("no space left on device", build.stderrTail().orElse(""));
  }

  @Test
  void deployWritesEnvOverSftpMode600AndRunsTheContainer() throws Exception {
    DeployReport report =
        provider.deploy(
            DeployRequest.builder()
                .secrets(Map.of("E2E_TOKEN", SECRET))
                .progress(progress::add)
                .build());
    assertTrue(report.success(), report.toString());
    Path env = remote.resolve(".env");
    assertEquals("PORT=8080\nE2E_TOKEN=" + SECRET + "\n", Files.readString(env));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(env)));
    assertEquals(List.of("PORT", "E2E_TOKEN"), report.varsUpdated());
    assertEquals(
        List.of(
            List.of("docker", "rm", "-f", CONTAINER),
            List.of(
                "docker",
                "run",
                "-d",
                "--name",
                CONTAINER,
                "--restart",
                "unless-stopped",
                "--env-file",
                env.toString(),
                "-p",
                "8080:8080",
                CONTAINER)),
        docker.argvs());
    try (Stream<Path> files = Files.list(remote)) {
      assertEquals(List.of(".env"), files.map(p -> p.getFileName().toString()).toList());
    }

    // the secret is only in .env: in no command, log line, report or progress line
    for (DockerStandIn.Call call : docker.calls()) {
      assertFalse(String.join(" ", call.argv()).contains(SECRET), call.toString());
      assertFalse(call.stdinText().contains(SECRET), call.toString());
    }
    assertFalse(server.logText().contains(SECRET));
    assertFalse(Json.compact(report).contains(SECRET));
    assertFalse(report.toString().contains(SECRET));
    assertFalse(String.join("\n", progress).contains(SECRET));
  }

  @Test
  void withImageRefBuildSendsAndBuildsNothingAndDeployRunsThatImage() throws Exception {
    provider.close();
    String ref = "registry.example/team/runner:7";
    provider =
        SshBoxes.provider(
            SshBoxes.settings(server, home, dir.resolve("ws").toString()).imageRef(ref).build());
    DeployReport build = provider.build(request());
    assertTrue(build.success(), build.toString());
    assertEquals("not_triggered", build.imageRebuild());
    DeployStep skipped = step(build, "docker build");
    assertEquals("skipped", skipped.status());
    assertTrue(skipped.detail().orElseThrow().contains(ref), skipped.toString());
    assertEquals(List.of(), docker.argvs(), "build runs nothing on the host");
    assertFalse(Files.exists(remote), "build sends nothing");

    DeployReport deploy = provider.deploy(request());
    assertTrue(deploy.success(), deploy.toString());
    assertEquals(ref, deploy.imageRef().orElseThrow());
    List<String> run = docker.argvs().get(docker.argvs().size() - 1);
    assertEquals(List.of("docker", "run"), run.subList(0, 2));
    assertEquals(ref, run.get(run.size() - 1), run.toString());
  }

  @Test
  void aSecretEchoedByADockerCommandIsMaskedInTheReport() {
    docker.answering("run", "started with " + SECRET + "\n");
    DeployReport report =
        provider.deploy(DeployRequest.builder().secrets(Map.of("E2E_TOKEN", SECRET)).build());
    assertEquals("started with ***REDACTED***", step(report, "docker run").stdoutTail().orElse(""));
    assertFalse(Json.compact(report).contains(SECRET));
  }

  @Test
  void logsTailsTheContainerLogThroughTheConnection() {
    docker.answering("logs", "line one\nline two\n");
    List<String> lines = new ArrayList<>();
    provider.logs(LogRequest.builder().follow(false).sink(lines::add).build());
    assertEquals(List.of("line one", "line two"), lines);
    assertEquals(List.of(List.of("docker", "logs", "--tail", "200", CONTAINER)), docker.argvs());

    docker.clearJournal();
    provider.logs(LogRequest.builder().follow(true).sink(lines::add).build());
    assertEquals(
        List.of(List.of("docker", "logs", "-f", "--tail", "200", CONTAINER)), docker.argvs());
  }

  @Test
  void followingLogsOfAServerThatDiesIsProviderFailedNotASilentEnd() throws Exception {
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
    // the stand-in's logs -f prints and ends: this test's own docker follows until killed
    SshBoxes.script(
        dir.resolve("docker/bin/docker"), "#!/bin/bash\nprintf 'first\\n'; exec sleep 60\n");
    killer.start();
    List<String> lines = new ArrayList<>();
    dev.megaplan.cloud.api.CloudException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.megaplan.cloud.api.CloudException.class,
            () -> provider.logs(LogRequest.builder().follow(true).sink(lines::add).build()));
    killer.join();
    assertEquals(dev.megaplan.cloud.api.ErrorCode.PROVIDER_FAILED, failure.code());
    assertEquals(List.of("first"), lines);
  }

  @Test
  void downStopsAndDestroyRemovesTheContainerTheRemoteDirAndTheLocalDeployDir() {
    provider.build(request());
    docker.clearJournal();
    provider.down();
    assertEquals(List.of(List.of("docker", "stop", CONTAINER)), docker.argvs());
    docker.clearJournal();
    provider.destroy();
    assertEquals(List.of(List.of("docker", "rm", "-f", CONTAINER)), docker.argvs());
    assertFalse(Files.exists(remote));
    assertFalse(Files.exists(home.resolve(".megaplan/cloud/ssh-127.0.0.1")));
  }

  @Test
  void destroyRefusesAShallowRemoteDirBeforeRemovingAnything() {
    for (String shallow : List.of("/", "/tmp", "/home/", "relative/dir", "/tmp/../etc")) {
      try (SshProvider risky =
          SshBoxes.provider(
              SshBoxes.settings(server, home, dir.toString()).remoteDir(shallow).build())) {
        dev.megaplan.cloud.api.CloudException failure =
            org.junit.jupiter.api.Assertions.assertThrows(
                dev.megaplan.cloud.api.CloudException.class, risky::destroy);
        assertEquals(dev.megaplan.cloud.api.ErrorCode.INVALID_SPEC, failure.code(), shallow);
      }
    }
    assertEquals(List.of(), docker.argvs(), "nothing was removed");
    assertEquals(0, server.connections(), "nothing was even connected");
  }

  private static DeployStep step(DeployReport report, String name) {
    return report.steps().stream()
        .filter(step -> step.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no step "
                        + name
                        + " in "
                        + report.steps().stream()
                            .map(DeployStep::name)
                            .collect(Collectors.toList())));
  }
}
