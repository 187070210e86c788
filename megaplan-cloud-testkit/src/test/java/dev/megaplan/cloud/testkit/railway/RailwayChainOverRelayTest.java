package dev.megaplan.cloud.testkit.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.api.supervisor.TickReport;
import dev.megaplan.cloud.core.ChainLaunchReport;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.testkit.EmulatorLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full chain on the railway provider with no {@code railway} CLI: deploy through the GraphQL
 * stand-in, then launch, status and supervisor ticks whose every remote command and upload goes
 * through the real relay client to the relay stand-in, which runs them here (real bash, tmux, git
 * and the megaplan emulator under a temp root standing in for the service's {@code /workspace}).
 */
@Timeout(180)
class RailwayChainOverRelayTest {
  static final String SECRET = "sk-railway-chain-secret-31415926";

  @TempDir Path dir;
  RailwayBox box;
  Path project;
  Path yaml;

  @BeforeEach
  void setUp() throws Exception {
    box = new RailwayBox(dir);
    project = Files.createDirectories(dir.resolve("project"));
    Path origin = dir.resolve("origin");
    git(dir, "init", "-q", "-b", "main", origin.toString());
    git(
        origin,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.invalid",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "initial");
    yaml = project.resolve("cloud.yaml");
    Files.writeString(
        yaml,
        "provider: railway\n"
            + "repo:\n  url: "
            + origin
            + "\n  branch: main\n"
            + "agents: {default: hermes}\n"
            + "secrets: [E2E_SECRET]\n"
            + "megaplan:\n  command: "
            + Json.compact(EmulatorLauncher.command())
            + "\n"
            + "railway:\n  project: megaplan\n  service: agent\n");
    Files.createDirectories(project.resolve("briefs"));
    Files.writeString(
        project.resolve("briefs/chain.yaml"),
        "milestones:\n"
            + "  - {label: m1, idea: m1.md}\n"
            + "  - {label: m2, idea: m2.md}\n"
            + "  - {label: m3, idea: m3.md}\n"
            + "emulator:\n  step_ms: 4000\n");
    for (String m : List.of("m1", "m2", "m3")) {
      Files.writeString(project.resolve("briefs/" + m + ".md"), "# " + m + "\n");
    }
    box.env.put("E2E_SECRET", SECRET);
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  CloudSession session() {
    CloudConfig config =
        dev.megaplan.cloud.core.CloudYaml.loader().homeDirectory(box.home).load(yaml);
    return CloudSession.builder(config)
        .provider(box.provider(config))
        .environment(box.env::get)
        .home(box.home)
        .cloudYaml(yaml)
        .open();
  }

  ChainStatus statusUntil(CloudSession session, String wanted, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    ChainStatus last = null;
    while (System.nanoTime() < deadline) {
      last = session.chainStatus().read();
      if (last.effectiveStatus().wireName().equals(wanted)) {
        return last;
      }
      Thread.sleep(300);
    }
    fail("status never became " + wanted + "; last: " + (last == null ? null : json(last)));
    return last;
  }

  static String json(ChainStatus status) {
    return dev.megaplan.cloud.core.ChainStatusReader.toJson(status);
  }

  @Test
  void deployLaunchStatusAndASupervisorTickAllGoThroughTheRelay() throws Exception {
    try (CloudSession session = session()) {
      DeployReport deploy = session.deploy(line -> {});
      assertTrue(deploy.success());
      assertEquals(List.of("E2E_SECRET"), deploy.varsUpdated());
      assertEquals("triggered", deploy.imageRebuild());
      assertTrue(deploy.steps().get(0).name().startsWith("render "), deploy.steps().toString());

      ChainLaunchReport launch =
          session
              .chain(project.resolve("briefs/chain.yaml"))
              .verification(30, Duration.ofMillis(300))
              .launch();
      assertEquals("started", launch.tmuxStatus(), launch.toMap().toString());
      assertTrue(launch.workspace().startsWith(box.root.toString()), launch.workspace());

      ChainStatus running = statusUntil(session, "running", Duration.ofSeconds(30));
      assertEquals("consistent", running.providerConsistency().get("status"));

      // The runner dies: the supervisor sees it stale and restarts it, over the relay.
      assertEquals(
          0,
          session
              .exec("tmux kill-session -t " + "'=" + launch.session() + "'", Duration.ofSeconds(20))
              .exitCode());
      ChainStatus stale = statusUntil(session, "stale_bookkeeping", Duration.ofSeconds(30));
      assertEquals("dead", stale.runner().get("status"));
      TickReport tick = session.supervisor().tick();
      assertEquals("supervisor_restarted", tick.event(), Json.compact(tick));
      assertTrue(tick.acted());
      statusUntil(session, "running", Duration.ofSeconds(30));
    }

    // Every remote command went through the relay, scoped to the resolved service.
    assertTrue(box.relay.execs() > 5, "relay commands: " + box.relay.execs());
    for (Map<String, String> upgrade : box.relay.upgrades()) {
      assertEquals("Bearer " + RailwayBox.TOKEN, upgrade.get("authorization"));
      assertEquals("svc-1", upgrade.get("x-railway-service-id"));
      assertEquals("env-1", upgrade.get("x-railway-environment-id"));
      assertEquals("proj-1", upgrade.get("x-railway-project-id"));
    }
    List<String> operations = box.operations();
    assertEquals("projects", operations.get(0));
    assertTrue(operations.contains("variableCollectionUpsert"), operations.toString());
    assertTrue(operations.contains("up"), operations.toString());
    assertEquals(1, box.api.uploads().size());
    // The secret went only into the upsert's body.
    List<String> carrying = new ArrayList<>();
    for (RailwayApiStandIn.Call call : box.api.calls()) {
      assertFalse(call.url().contains(SECRET));
      assertFalse(call.headers().toString().contains(SECRET));
      if (call.variables().toString().contains(SECRET)) {
        carrying.add(call.operation());
      }
    }
    assertEquals(List.of("variableCollectionUpsert"), carrying);
    JsonNode marker = lastChainMarker();
    assertEquals("railway", marker.path("provider").asText());
    assertEquals("agent", marker.path("provider_identity").asText());
  }

  JsonNode lastChainMarker() throws Exception {
    try (var files = Files.walk(box.home.resolve(".megaplan/cloud/markers"))) {
      Path last = files.filter(p -> p.endsWith("last_chain.json")).findFirst().orElseThrow();
      return Json.mapper().readTree(Files.readString(last));
    }
  }

  static void git(Path cwd, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(new String(process.getInputStream().readAllBytes()));
    }
  }
}
