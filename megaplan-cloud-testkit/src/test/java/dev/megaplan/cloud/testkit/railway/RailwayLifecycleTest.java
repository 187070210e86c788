package dev.megaplan.cloud.testkit.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import dev.megaplan.cloud.providers.railway.RailwayProvider;
import dev.megaplan.cloud.providers.railway.internal.GraphQlClient;
import dev.megaplan.cloud.providers.railway.internal.RailwayApi;
import dev.megaplan.cloud.providers.railway.internal.RailwayAuth;
import dev.megaplan.cloud.providers.railway.internal.RailwayLogs;
import dev.megaplan.cloud.providers.railway.internal.RailwayTarget;
import dev.megaplan.cloud.testkit.docker.DockerStandIn;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The railway provider's lifecycle against the GraphQL stand-in: exact operations and variables.
 */
@Timeout(60)
class RailwayLifecycleTest {
  static final String SECRET = "sk-lifecycle-secret-value-2718";

  @TempDir Path dir;
  RailwayBox box;

  @BeforeEach
  void setUp() throws Exception {
    box = new RailwayBox(dir);
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  RailwayProvider provider(String extra) {
    return box.railway(box.config(RailwayBox.yaml(extra)));
  }

  @Test
  void deployResolvesByNameUpsertsTheSecretsInOneCallAndDeploys() throws Exception {
    box.api.addDeployment("dep-old", "SUCCESS");
    try (RailwayProvider railway = provider("secrets: [OPENAI_API_KEY, GITHUB_TOKEN]\n")) {
      List<String> progress = new ArrayList<>();
      DeployReport report =
          railway.deploy(
              DeployRequest.builder()
                  .secrets(Map.of("OPENAI_API_KEY", SECRET, "GITHUB_TOKEN", "ghp_x"))
                  .progress(progress::add)
                  .build());
      assertEquals(
          List.of("projects", "project", "deployments", "variableCollectionUpsert", "up"),
          box.operations());
      assertEquals("triggered", report.imageRebuild());
      assertFalse(report.noOp());
      assertEquals(List.of("GITHUB_TOKEN", "OPENAI_API_KEY"), report.varsUpdated());
      assertEquals("agent", report.service());
      assertTrue(report.verdict().contains("dep-up-1"), report.verdict());
      assertEquals("render Dockerfile", report.steps().get(0).name());
      assertFalse(Json.compact(report).contains(SECRET));
      assertFalse(String.join("\n", progress).contains(SECRET));

      RailwayApiStandIn.Call upsert = box.api.calls().get(3);
      assertEquals(
          dev.megaplan.cloud.providers.railway.internal.RailwayDocuments.VARIABLES_UPSERT,
          upsert.query());
      assertEquals(
          Json.mapper()
              .readTree(
                  "{\"projectId\":\"proj-1\",\"environmentId\":\"env-1\",\"serviceId\":\"svc-1\","
                      + "\"variables\":{\"OPENAI_API_KEY\":\""
                      + SECRET
                      + "\",\"GITHUB_TOKEN\":\"ghp_x\"}}"),
          upsert.variables());
      RailwayApiStandIn.Call up = box.api.calls().get(4);
      assertEquals("/project/proj-1/environment/env-1/up", up.variables().path("path").asText());
      assertEquals("svc-1", up.variables().path("serviceId").asText());
      DeployStep upload = report.steps().get(report.steps().size() - 1);
      assertEquals("upload deploy directory", upload.name());
      assertTrue(
          upload.detail().orElse("").endsWith("deployment dep-up-1 started"), upload.toString());
      List<String> names = tarNames(box.api.uploads().get(0));
      assertTrue(names.contains("./Dockerfile"), names.toString());
      assertTrue(names.contains("./entrypoint.sh"), names.toString());
      assertTrue(names.contains("./railway.toml"), names.toString());
      for (RailwayApiStandIn.Call call : box.api.calls()) {
        assertEquals("Bearer " + RailwayBox.TOKEN, call.headers().get("authorization"));
        assertFalse(call.url().contains(RailwayBox.TOKEN));
        assertFalse(call.url().contains(SECRET));
      }
    }
  }

  @Test
  void withoutSecretsNothingIsUpserted() {
    try (RailwayProvider railway = provider("")) {
      DeployReport report = railway.deploy(DeployRequest.builder().build());
      assertFalse(box.operations().contains("variableCollectionUpsert"));
      assertEquals(List.of(), report.varsUpdated());
      assertEquals("triggered", report.imageRebuild());
    }
  }

  @Test
  void aMissingServiceIsRailwayServiceMissingWithTheFixAndChangesNothing() {
    try (RailwayProvider railway =
        box.railway(
            box.config(
                "provider: railway\nrepo:\n  url: https://x/a.git\n"
                    + "railway:\n  project: megaplan\n  service: runner\n"))) {
      CloudException failure =
          assertThrows(
              CloudException.class,
              () -> railway.deploy(DeployRequest.builder().secrets(Map.of("K", SECRET)).build()));
      assertEquals(ErrorCode.RAILWAY_SERVICE_MISSING, failure.code());
      assertTrue(failure.getMessage().contains("no service 'runner'"), failure.getMessage());
      assertTrue(failure.getMessage().contains("agent, other"), failure.getMessage());
      assertTrue(
          failure.getMessage().contains("railway add --service runner"), failure.getMessage());
      assertEquals(List.of("projects", "project"), box.operations());
    }
  }

  @Test
  void imageRefIsInvalidSpecNamingTheFieldBeforeAnythingIsSent() {
    try (RailwayProvider railway =
        box.railway(
            box.config(
                "provider: railway\nrepo:\n  url: https://x/a.git\n"
                    + "image: {ref: registry.example/team/runner:7}\n"))) {
      for (Runnable call :
          List.<Runnable>of(
              () -> railway.deploy(DeployRequest.builder().secrets(Map.of("K", SECRET)).build()),
              () -> railway.build(DeployRequest.builder().build()))) {
        CloudException failure = assertThrows(CloudException.class, call::run);
        assertEquals(ErrorCode.INVALID_SPEC, failure.code());
        assertTrue(failure.getMessage().startsWith("image.ref "), failure.getMessage());
        assertEquals("image.ref", failure.context().get("field"));
      }
      assertEquals(List.of(), box.operations(), "nothing reached Railway");
    }
  }

  @Test
  void anUnknownEnvironmentIsInvalidSpecListingTheProjectsEnvironments() {
    try (RailwayProvider railway = provider("  environment: staging\n")) {
      CloudException failure =
          assertThrows(CloudException.class, () -> railway.deploy(DeployRequest.builder().build()));
      assertEquals(ErrorCode.INVALID_SPEC, failure.code());
      assertTrue(failure.getMessage().contains("no environment 'staging'"), failure.getMessage());
      assertTrue(failure.getMessage().contains("production"), failure.getMessage());
      assertFalse(box.operations().contains("up"));
    }
  }

  @Test
  void aProjectTokenIsSentAsProjectAccessTokenAndNamesItsProject() {
    box.env.remove("RAILWAY_API_TOKEN");
    box.env.put("RAILWAY_TOKEN", "proj-token-abcdef123456");
    try (RailwayProvider railway =
        box.railway(box.config("provider: railway\nrepo:\n  url: https://x/a.git\n"))) {
      railway.deploy(DeployRequest.builder().build());
      assertEquals("projectToken", box.operations().get(0));
      assertEquals("project", box.operations().get(1));
      assertEquals(
          "proj-token-abcdef123456", box.api.calls().get(0).headers().get("project-access-token"));
      assertEquals(null, box.api.calls().get(0).headers().get("authorization"));
    }
  }

  @Test
  void noTokenIsProviderUnavailableNamingBothVariables() {
    box.env.remove("RAILWAY_API_TOKEN");
    try (RailwayProvider railway = provider("")) {
      CloudException failure =
          assertThrows(CloudException.class, () -> railway.deploy(DeployRequest.builder().build()));
      assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure.code());
      assertTrue(failure.getMessage().contains("RAILWAY_API_TOKEN"), failure.getMessage());
      assertTrue(failure.getMessage().contains("RAILWAY_TOKEN"), failure.getMessage());
      box.env.put("PATH", dir.resolve("empty").toString());
      CloudException shell =
          assertThrows(
              CloudException.class, () -> railway.remoteShell().orElseThrow().exec("true"));
      assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, shell.code());
      assertTrue(shell.getMessage().contains("railway CLI"), shell.getMessage());
    }
  }

  @Test
  void aRefusedUploadIsSurfacedRedacted() {
    box.api.fail("up", "deploy refused: bad value " + SECRET);
    box.env.put("OPENAI_API_KEY", SECRET);
    try (RailwayProvider fresh = provider("secrets: [OPENAI_API_KEY]\n")) {
      CloudException failure =
          assertThrows(
              CloudException.class,
              () ->
                  fresh.deploy(
                      DeployRequest.builder().secrets(Map.of("OPENAI_API_KEY", SECRET)).build()));
      assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
      assertTrue(failure.getMessage().contains("deploy refused"), failure.getMessage());
      assertFalse(failure.toString().contains(SECRET));
      assertFalse(failure.context().toString().contains(SECRET));
    }
  }

  @Test
  void followPrintsEachNewLineOnceAcrossPolls() {
    box.api.addDeployment("dep-b", "SUCCESS");
    box.api.logLines(List.of("a", "b", "c"));
    RailwayAuth auth = RailwayAuth.require(box.env::get);
    List<String> pending = new ArrayList<>(List.of("d", "e"));
    List<String> all = new ArrayList<>(List.of("a", "b", "c"));
    Sleeper appendOnePerPoll =
        duration -> {
          if (!pending.isEmpty()) {
            all.add(pending.remove(0));
            box.api.logLines(all);
          }
        };
    RailwayApi api =
        new RailwayApi(
            new GraphQlClient(
                new OkHttpClient(),
                HttpUrl.get(box.api.url()),
                auth,
                Redactor.noSecrets(),
                appendOnePerPoll,
                Clock.systemUTC()),
            false);
    RailwayTarget target = api.resolve(box.config(RailwayBox.yaml("")).railway());
    List<String> got = new ArrayList<>();
    new RailwayLogs(api, target, appendOnePerPoll).follow(2, got::add, 4);
    assertEquals(List.of("b", "c", "d", "e"), got);
  }

  @Test
  void aGraphQlErrorIsSurfacedRedacted() {
    box.api.fail("variableCollectionUpsert", "invalid variables: " + SECRET);
    box.env.put("OPENAI_API_KEY", SECRET);
    try (RailwayProvider fresh = provider("secrets: [OPENAI_API_KEY]\n")) {
      CloudException failure =
          assertThrows(
              CloudException.class,
              () ->
                  fresh.deploy(
                      DeployRequest.builder().secrets(Map.of("OPENAI_API_KEY", SECRET)).build()));
      assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
      assertTrue(failure.getMessage().contains("invalid variables"), failure.getMessage());
      assertFalse(failure.toString().contains(SECRET));
      assertFalse(box.operations().contains("up"), "nothing deployed after a failed upsert");
    }
  }

  /** The entry names of a {@code .tar.gz}, read with {@code tar} itself. */
  static List<String> tarNames(byte[] archive) throws Exception {
    Process tar = new ProcessBuilder("tar", "-tzf", "-").redirectErrorStream(true).start();
    tar.getOutputStream().write(archive);
    tar.getOutputStream().close();
    String out =
        new String(tar.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, tar.waitFor(), out);
    return out.lines().toList();
  }

  @Test
  void downStopsTheRunningDeploymentsAndDestroyDeletesTheConfiguredVolume() {
    box.api.addDeployment("dep-a", "REMOVED");
    box.api.addDeployment("dep-b", "SUCCESS");
    try (RailwayProvider railway = provider("resources:\n  volume: agent-data\n")) {
      railway.destroy();
      List<RailwayApiStandIn.Call> calls = box.api.calls();
      List<String> stopped = new ArrayList<>();
      String deleted = null;
      for (RailwayApiStandIn.Call call : calls) {
        if (call.operation().equals("deploymentStop")) {
          stopped.add(call.variables().path("id").asText());
        }
        if (call.operation().equals("volumeDelete")) {
          deleted = call.variables().path("id").asText();
        }
      }
      assertEquals(List.of("dep-b"), stopped);
      assertEquals("vol-1", deleted);
      JsonNode deploymentsInput = calls.get(2).variables().path("input");
      assertEquals("env-1", deploymentsInput.path("environmentId").asText());
      assertEquals("svc-1", deploymentsInput.path("serviceId").asText());
    }
  }

  @Test
  void destroyWithoutAVolumeDeletesNothing() {
    box.api.addDeployment("dep-b", "SUCCESS");
    try (RailwayProvider railway = provider("")) {
      railway.destroy();
      assertFalse(box.operations().contains("volumeDelete"));
      assertTrue(box.operations().contains("deploymentStop"));
    }
  }

  @Test
  void buildWithoutDockerSaysRailwayBuildsOnDeployAndContactsNothing() {
    box.env.put("PATH", dir.resolve("empty").toString());
    try (RailwayProvider railway = provider("")) {
      DeployReport report = railway.build(DeployRequest.builder().build());
      assertTrue(report.success());
      assertEquals("cloud_build", report.event());
      assertEquals("render Dockerfile", report.steps().get(0).name());
      DeployStep last = report.steps().get(report.steps().size() - 1);
      assertEquals("skipped", last.status());
      assertTrue(last.detail().orElse("").contains("Railway builds"), last.toString());
      assertEquals(List.of(), box.operations());
    }
  }

  @Test
  void buildWithADockerRunsDockerBuildOnTheRenderedDirectory() {
    DockerStandIn docker = DockerStandIn.install(dir.resolve("docker"));
    box.env.put("PATH", docker.path(System.getenv("PATH")));
    try (RailwayProvider railway = provider("")) {
      DeployReport report = railway.build(DeployRequest.builder().build());
      assertTrue(report.success(), report.toString());
      assertEquals("triggered", report.imageRebuild());
      assertEquals(java.util.Optional.of("megaplan-cloud-agent"), report.imageRef());
      List<String> argv = docker.argvs().get(0);
      assertEquals(List.of("build", "-t", "megaplan-cloud-agent"), argv.subList(1, 4));
      assertFalse(java.nio.file.Files.exists(Path.of(argv.get(4))), "the temp dir is removed");
    }
  }

  @Test
  void logsWithoutFollowPrintTheLast200Lines() {
    box.api.addDeployment("dep-b", "SUCCESS");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      lines.add("line " + i);
    }
    box.api.logLines(lines);
    try (RailwayProvider railway = provider("")) {
      List<String> got = new ArrayList<>();
      railway.logs(LogRequest.builder().follow(false).sink(got::add).build());
      assertEquals(lines.subList(100, 300), got);
      RailwayApiStandIn.Call call = box.api.calls().get(box.api.calls().size() - 1);
      assertEquals("deploymentLogs", call.operation());
      assertEquals(200, call.variables().path("limit").asInt());
      assertEquals("dep-b", call.variables().path("deploymentId").asText());
    }
  }
}
