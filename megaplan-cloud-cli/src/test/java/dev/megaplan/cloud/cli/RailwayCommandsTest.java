package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.testkit.railway.RailwayApiStandIn;
import dev.megaplan.cloud.testkit.railway.RailwayRelayStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy, exec, logs, down and destroy on the railway provider through the command line, against
 * the Railway API and relay stand-ins on loopback, with no {@code railway} CLI on the {@code PATH}.
 */
class RailwayCommandsTest {
  private static final String SECRET = "sk-cli0planted0secret0value0railway";
  private static final String TOKEN = "rw-cli-account-token-0a1b2c3d4e";

  @TempDir Path dir;
  RailwayApiStandIn api;
  RailwayRelayStandIn relay;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    Path box = Files.createDirectories(dir.resolve("box"));
    api = RailwayApiStandIn.start(Map.of("agent", "svc-1"), Map.of("agent-data", "vol-1"));
    relay =
        RailwayRelayStandIn.start(
            Map.of("PATH", "/usr/bin:/bin", "HOME", box.toString(), "LANG", "C.UTF-8"), box);
    env.put("PATH", "/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    env.put("OPENAI_API_KEY", SECRET);
    env.put("RAILWAY_API_TOKEN", TOKEN);
    env.put("RAILWAY_API_URL", api.url());
    env.put("RAILWAY_RELAY_URL", relay.url());
    Files.writeString(
        dir.resolve("cloud.yaml"),
        "provider: railway\nrepo: {url: https://example.invalid/app.git}\n"
            + "railway: {project: megaplan}\nresources: {volume: agent-data}\n"
            + "secrets: [OPENAI_API_KEY]\n");
  }

  @AfterEach
  void tearDown() {
    relay.close();
    api.close();
  }

  @Test
  void deployPrintsTheReportWithTheVariableNamesNeverTheValues() {
    CliRun run = CliRun.in(dir, env, "", "deploy");
    assertEquals(0, run.exit, run.toString());
    JsonNode json = run.json();
    assertEquals("cloud_deploy", json.path("event").asText());
    assertEquals("railway", json.path("provider").asText());
    assertEquals("agent", json.path("service").asText());
    assertEquals("triggered", json.path("image_rebuild").asText());
    assertEquals("OPENAI_API_KEY", json.path("vars_updated").path(0).asText());
    assertFalse(run.out.contains(SECRET));
    assertFalse(run.err.contains(SECRET));
    assertFalse(run.out.contains(TOKEN));
  }

  @Test
  void execRunsThroughTheRelay() {
    CliRun run = CliRun.in(dir, env, "", "exec", "echo relayed; echo oops >&2; exit 4");
    assertEquals(4, run.exit, run.toString());
    assertTrue(run.out.contains("relayed\n"), run.toString());
    assertTrue(run.err.contains("oops"), run.toString());
    assertFalse(run.out.contains("oops"), "stderr stays apart from stdout: " + run);
    assertEquals(1, relay.execs());
  }

  @Test
  void logsNoFollowPrintsTheDeploymentsRecentLines() {
    api.addDeployment("dep-1", "SUCCESS");
    api.logLines(List.of("booting", "key=" + SECRET, "ready"));
    CliRun run = CliRun.in(dir, env, "", "logs", "--no-follow");
    assertEquals(0, run.exit, run.toString());
    assertTrue(run.out.contains("booting\n"), run.out);
    assertTrue(run.out.contains("ready\n"), run.out);
    assertFalse(run.out.contains(SECRET), run.out);
  }

  @Test
  void downStopsAndDestroyWithYesDeletesTheVolume() {
    api.addDeployment("dep-1", "SUCCESS");
    CliRun down = CliRun.in(dir, env, "", "down");
    assertEquals(0, down.exit, down.toString());
    CliRun destroy = CliRun.in(dir, env, "", "destroy", "--yes");
    assertEquals(0, destroy.exit, destroy.toString());
    assertTrue(api.operations().contains("deploymentStop"), api.operations().toString());
    assertEquals("volumeDelete", api.operations().get(api.operations().size() - 1));
  }
}
