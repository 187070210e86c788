package dev.megaplan.cloud.testkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.internal.io.AtomicFileWriter;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.providers.local.LocalProvider;
import dev.megaplan.cloud.testkit.docker.DockerStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local provider's exact Docker Compose calls, through the Docker stand-in. */
class LocalProviderTest {
  private static final String SECRET = "sk-planted0secret0value0for0local0deploy";

  @TempDir Path temp;
  Path home;
  DockerStandIn docker;
  Map<String, String> env;
  Path dir;
  String file;

  @BeforeEach
  void setUp() {
    home = temp.resolve("home");
    docker = DockerStandIn.install(temp.resolve("docker"));
    env = new HashMap<>();
    env.put(
        "PATH", docker.path(DockerStandIn.pathWithoutDocker(temp.resolve("bin"), "/usr/bin:/bin")));
    env.put("HOME", home.toString());
    env.put("OPENAI_API_KEY", SECRET);
    dir = home.resolve(".megaplan/cloud/demo");
    file = dir.resolve("docker-compose.yaml").toString();
  }

  private CloudConfig config(String extra) {
    return CloudYaml.parse(
        "provider: local\nrepo: {url: https://example.invalid/app.git}\n"
            + "local: {compose_project: demo}\nsecrets: [OPENAI_API_KEY]\n"
            + extra);
  }

  private LocalProvider provider(CloudConfig config) {
    return new LocalProvider(
        ProviderContext.builder().config(config).environment(env::get).home(home).build());
  }

  private List<String> compose(String... args) {
    List<String> argv = new ArrayList<>(List.of("docker", "compose", "-p", "demo", "-f", file));
    argv.addAll(List.of(args));
    return argv;
  }

  private DeployReport deploy(LocalProvider provider, List<String> progress) {
    return provider.deploy(
        DeployRequest.builder()
            .secrets(Map.of("OPENAI_API_KEY", SECRET))
            .progress(progress::add)
            .build());
  }

  @Test
  void deployRendersWritesEnvThenRunsUpDetached() throws Exception {
    List<String> progress = new ArrayList<>();
    DeployReport report = deploy(provider(config("")), progress);
    assertTrue(report.success(), report.toString());
    assertEquals(
        List.of(List.of("docker", "compose", "version"), compose("up", "-d")), docker.argvs());
    List<String> names = report.steps().stream().map(DeployStep::name).toList();
    assertEquals("render Dockerfile", names.get(0));
    assertEquals("render entrypoint.sh", names.get(1));
    assertEquals(
        List.of("write .env", "compose up -d"), names.subList(names.size() - 2, names.size()));
    assertEquals("local", report.provider());
    assertEquals("demo", report.service());
    assertEquals(Optional.of(dir.toString()), report.deployDir());
    assertEquals(List.of("PORT", "OPENAI_API_KEY"), report.varsUpdated());
    assertEquals(dir.toRealPath(), docker.calls().get(1).workingDirectory().toRealPath());
    assertTrue(Files.isRegularFile(dir.resolve("docker-compose.yaml")));
    assertTrue(Files.isDirectory(dir.resolve("workspace")), "the bind-mounted workdir");
  }

  @Test
  void theSecretsValueIsOnlyInDotEnvWithMode600() throws Exception {
    List<String> progress = new ArrayList<>();
    DeployReport report = deploy(provider(config("")), progress);
    Path dotEnv = dir.resolve(".env");
    assertEquals("PORT=8080\nOPENAI_API_KEY=" + SECRET + "\n", Files.readString(dotEnv));
    assertEquals(0600, AtomicFileWriter.mode(Files.getPosixFilePermissions(dotEnv)));
    for (DockerStandIn.Call call : docker.calls()) {
      assertFalse(String.join(" ", call.argv()).contains(SECRET), call.toString());
      assertFalse(call.stdinText().contains(SECRET), call.toString());
    }
    assertFalse(Json.pretty(report).contains(SECRET));
    assertFalse(String.join("\n", progress).contains(SECRET));
    try (var files = Files.walk(dir)) {
      for (Path path : files.filter(Files::isRegularFile).toList()) {
        if (!path.equals(dotEnv)) {
          assertFalse(Files.readString(path).contains(SECRET), path.toString());
        }
      }
    }
  }

  @Test
  void buildRendersThenBuildsWithCompose() {
    DeployReport report = provider(config("")).build(DeployRequest.builder().build());
    assertTrue(report.success(), report.toString());
    assertEquals("cloud_build", report.event());
    assertEquals(
        List.of(List.of("docker", "compose", "version"), compose("build")), docker.argvs());
    DeployStep build = report.steps().get(report.steps().size() - 1);
    assertEquals("compose build", build.name());
    assertEquals(Optional.of(" Service agent  Built"), build.stdoutTail());
    assertFalse(Files.exists(dir.resolve(".env")), "build writes no secrets");
  }

  @Test
  void withImageRefBuildBuildsNothingAndTheServiceRunsThatImage() throws Exception {
    String ref = "registry.example/team/runner:7";
    LocalProvider provider = provider(config("image: {ref: " + ref + "}\n"));
    DeployReport build = provider.build(DeployRequest.builder().build());
    assertTrue(build.success(), build.toString());
    assertEquals("not_triggered", build.imageRebuild());
    DeployStep skipped = build.steps().get(build.steps().size() - 1);
    assertEquals("compose build", skipped.name());
    assertEquals("skipped", skipped.status());
    assertEquals(List.of(List.of("docker", "compose", "version")), docker.argvs());

    DeployReport deploy = deploy(provider, new ArrayList<>());
    assertTrue(deploy.success(), deploy.toString());
    assertEquals(ref, deploy.imageRef().orElseThrow());
    assertEquals(compose("up", "-d"), docker.argvs().get(docker.argvs().size() - 1));
    String composeFile = Files.readString(dir.resolve("docker-compose.yaml"));
    assertTrue(composeFile.contains("    image: \"" + ref + "\"\n"), composeFile);
    assertFalse(composeFile.contains("build:"), composeFile);
  }

  @Test
  void withoutTheComposePluginEveryCallGoesToDockerCompose() {
    docker.withoutComposeSubcommand();
    LocalProvider provider = provider(config(""));
    assertTrue(deploy(provider, new ArrayList<>()).success());
    provider.down();
    assertEquals(
        List.of(
            List.of("docker", "compose", "version"),
            List.of("docker-compose", "-p", "demo", "-f", file, "up", "-d"),
            List.of("docker-compose", "-p", "demo", "-f", file, "stop")),
        docker.argvs());
  }

  @Test
  void withoutDockerTheFirstUseIsProviderUnavailableAndNothingIsWritten() {
    env.put("PATH", DockerStandIn.pathWithoutDocker(temp.resolve("bin"), "/usr/bin:/bin"));
    LocalProvider provider = provider(config(""));
    CloudException e =
        assertThrows(CloudException.class, () -> deploy(provider, new ArrayList<>()));
    assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, e.code());
    assertEquals(
        "Missing required CLI 'docker'. Install: https://docs.docker.com/get-docker/",
        e.getMessage());
    assertFalse(Files.exists(dir));
    CloudException exec =
        assertThrows(CloudException.class, () -> provider.remoteShell().get().exec("true"));
    assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, exec.code());
  }

  @Test
  void withoutComposeAtAllItIsProviderUnavailable() {
    docker.withoutComposeSubcommand().withoutComposeBinary();
    CloudException e =
        assertThrows(CloudException.class, () -> deploy(provider(config("")), new ArrayList<>()));
    assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, e.code());
    assertTrue(e.getMessage().contains("'compose' is not a docker command"), e.getMessage());
  }

  @Test
  void execReadAndUploadGoThroughComposeExecDashTAgent() throws Exception {
    LocalProvider provider = provider(config(""));
    ExecResult result = provider.remoteShell().get().exec("echo hi");
    assertEquals("hi\n", result.stdout());
    assertEquals(compose("exec", "-T", "agent", "bash", "-lc", "echo hi"), docker.argvs().get(1));
    Path target = temp.resolve("box/up.txt");
    provider
        .remoteShell()
        .get()
        .upload(
            List.of(
                dev.megaplan.cloud.api.provider.Upload.builder()
                    .remotePath(target.toString())
                    .content(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .mode(0600)
                    .build()));
    DockerStandIn.Call upload = docker.calls().get(2);
    assertEquals(compose("exec", "-T", "agent", "bash", "-lc"), upload.argv().subList(0, 11));
    assertFalse(upload.argv().get(11).contains(SECRET), "upload content travels on stdin only");
    assertEquals(SECRET, upload.stdinText());
    assertEquals(SECRET, Files.readString(target));
    assertEquals(Optional.of(SECRET), provider.remoteShell().get().read(target.toString()));
  }

  @Test
  void logsTailOrFollowTheAgentService() {
    docker.answering("compose logs", "agent-1  | one\nagent-1  | two\n");
    LocalProvider provider = provider(config(""));
    List<String> lines = new ArrayList<>();
    provider.logs(LogRequest.builder().follow(false).sink(lines::add).build());
    provider.logs(LogRequest.builder().follow(true).sink(lines::add).build());
    assertEquals(compose("logs", "--tail", "200", "agent"), docker.argvs().get(1));
    assertEquals(compose("logs", "-f", "--tail", "200", "agent"), docker.argvs().get(2));
    assertEquals(
        List.of("agent-1  | one", "agent-1  | two", "agent-1  | one", "agent-1  | two"), lines);
  }

  @Test
  void downStopsAndDestroyTearsDownWithVolumesAndRemovesTheDeployDir() {
    LocalProvider provider = provider(config(""));
    deploy(provider, new ArrayList<>());
    provider.down();
    provider.destroy();
    List<List<String>> argvs = docker.argvs();
    assertEquals(compose("stop"), argvs.get(2));
    assertEquals(compose("down", "--volumes", "--remove-orphans"), argvs.get(3));
    assertFalse(Files.exists(dir));
    assertTrue(Files.isDirectory(home.resolve(".megaplan/cloud")));
  }

  @Test
  void aFailedDownIsProviderFailedAndDestroyKeepsTheDirectory() {
    LocalProvider provider = provider(config(""));
    deploy(provider, new ArrayList<>());
    docker.failing("compose down", 1, "Error response from daemon: conflict");
    CloudException e = assertThrows(CloudException.class, provider::destroy);
    assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
    assertTrue(e.getMessage().contains("conflict"), e.getMessage());
    assertTrue(Files.exists(dir.resolve(".env")));
  }

  @Test
  void aFailedUpIsAFailedStepWithRedactedTails() {
    docker.failing("compose up", 1, "error: bad key " + SECRET);
    DeployReport report = deploy(provider(config("")), new ArrayList<>());
    assertFalse(report.success());
    DeployStep up = report.steps().get(report.steps().size() - 1);
    assertEquals("failed", up.status());
    assertEquals(Optional.of("exit 1"), up.detail());
    assertTrue(up.stderrTail().orElseThrow().startsWith("error: bad key "), up.toString());
    assertFalse(up.stderrTail().orElseThrow().contains(SECRET));
    assertTrue(report.verdict().contains("compose up -d"), report.verdict());
  }

  @Test
  void attachRunsTmuxAttachInTheAgentService() {
    docker.failing("exec", 7, "the input device is not a TTY");
    int exit = provider(config("")).attach(Optional.of("megaplan-chain"));
    assertEquals(7, exit);
    assertEquals(
        compose("exec", "agent", "tmux", "attach", "-t", "=megaplan-chain"), docker.argvs().get(1));
  }

  @Test
  void attachToAnUnsafeSessionNameIsInvalidArgsAndRunsNothing() {
    CloudException failure =
        assertThrows(
            CloudException.class, () -> provider(config("")).attach(Optional.of("a.b#{host}")));
    assertEquals(ErrorCode.INVALID_ARGS, failure.code());
    assertEquals(List.of(), docker.argvs());
  }

  @Test
  void aSessionDeployEndsWithTheOAuthSeedStep() {
    try (CloudSession session =
        CloudSession.builder(config("")).environment(env::get).home(home).open()) {
      DeployReport report = session.deploy(line -> {});
      DeployStep last = report.steps().get(report.steps().size() - 1);
      assertEquals("seed oauth", last.name());
      assertEquals("ok", last.status());
      assertEquals(Optional.of("0 seeded, 0 failed, 2 absent locally"), last.detail());
    }
    try (CloudSession session =
        CloudSession.builder(config("megaplan: {codex_auth: apikey}\n"))
            .environment(env::get)
            .home(home)
            .open()) {
      List<DeployStep> steps = session.deploy(line -> {}).steps();
      DeployStep last = steps.get(steps.size() - 1);
      assertEquals("skipped", last.status());
      assertEquals(Optional.of("codex_auth is apikey"), last.detail());
    }
  }
}
