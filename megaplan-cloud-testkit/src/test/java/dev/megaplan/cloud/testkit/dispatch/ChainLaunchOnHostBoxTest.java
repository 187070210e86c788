package dev.megaplan.cloud.testkit.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.ChainLaunchReport;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.testkit.HostBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real launches on this machine: real bash, tmux, git and files, a fake megaplan. */
class ChainLaunchOnHostBoxTest {
  private static final String SECRET = "hunter2-is-not-a-good-token-42";

  @TempDir Path dir;
  HostBox box;
  Path origin;
  Path launcher;
  Map<String, String> env;
  String agent = "hermes";

  @BeforeEach
  void open() {
    env = new HashMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    box = HostBox.open(env::get);
    origin = FakeMegaplan.gitRepo(dir);
    launcher = FakeMegaplan.launcher(dir.resolve("tools"));
  }

  @AfterEach
  void close() {
    box.close();
  }

  private CloudSession session(String extraYaml) throws Exception {
    Path yaml = dir.resolve("project/cloud.yaml");
    Files.createDirectories(yaml.getParent());
    Files.writeString(
        yaml,
        "provider: host\n"
            + "repo:\n  url: "
            + Json.compact(origin.toString())
            + "\n  branch: main\n"
            + "agents:\n  default: "
            + agent
            + "\n"
            + "megaplan:\n  command: "
            + Json.compact(FakeMegaplan.command(launcher))
            + "\n"
            + extraYaml);
    return CloudSession.builder(CloudYaml.loader().homeDirectory(dir.resolve("home")).load(yaml))
        .provider(box.provider())
        .environment(env::get)
        .home(dir.resolve("home"))
        .cloudYaml(yaml)
        .open();
  }

  private Path spec(String name, String yaml, String... ideas) throws Exception {
    Path project = dir.resolve("project");
    for (String idea : ideas) {
      Path file = project.resolve(idea);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "idea: " + idea);
    }
    Path spec = project.resolve(name);
    Files.createDirectories(spec.getParent());
    Files.writeString(spec, yaml);
    return spec;
  }

  private ChainLaunchReport launch(String extraYaml, Path spec) throws Exception {
    try (CloudSession session = session(extraYaml)) {
      return session.chain(spec).verification(20, Duration.ofMillis(200)).launch();
    }
  }

  private RemoteShell shell() {
    return box.provider().remoteShell().orElseThrow();
  }

  private boolean sessionAlive(String session) {
    return shell()
        .exec(box.provider().tmuxCommand() + " has-session -t '=" + session + "'")
        .succeeded();
  }

  @Test
  void aChainStartsInTmuxWithItsMarkers() throws Exception {
    Path spec = spec("chain.yaml", "milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md");
    ChainLaunchReport report = launch("", spec);

    assertEquals("started", report.tmuxStatus());
    assertTrue(sessionAlive(report.session()));
    assertEquals("ok", report.verificationStatus(), report.toMap().toString());
    assertTrue(report.workspace().startsWith(box.root() + "/chain-"), report.workspace());
    assertTrue(Files.isDirectory(Path.of(report.workspace(), ".git")));
    assertEquals("idea: m1.md", Files.readString(Path.of(report.workspace(), "m1.md")));
    Path sessionMarker =
        box.root().resolve(".megaplan/cloud-sessions/" + report.session() + ".json");
    JsonNode marker = Json.mapper().readTree(Files.readString(sessionMarker));
    assertEquals(report.remoteSpec(), marker.get("remote_spec").asText());
    assertEquals(
        report.toMap().get("launch").toString().contains(marker.get("identity_digest").asText()),
        true);
    try (var files = Files.walk(dir.resolve("home/.megaplan/cloud/markers"))) {
      Path last = files.filter(p -> p.endsWith("last_chain.json")).findFirst().orElseThrow();
      JsonNode node = Json.mapper().readTree(Files.readString(last));
      assertEquals("host", node.get("provider").asText());
      assertEquals(box.root().toString(), node.get("provider_identity").asText());
    }
    JsonNode json = Json.tree(report.toMap());
    assertEquals(40, json.at("/repo/head").asText().length());
    assertEquals("main", json.at("/repo/checked_out_branch").asText());
    assertEquals("skipped", json.at("/oauth_seed/status").asText());
    assertTrue(Files.readString(Path.of(report.chainLog())).contains("fake chain start"));
  }

  @Test
  void aRelaunchOfTheSameChainStartsNothing() throws Exception {
    Path spec = spec("chain.yaml", "milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md");
    ChainLaunchReport first = launch("", spec);
    String pid = panePid(first.session());
    ChainLaunchReport second = launch("", spec);
    assertEquals("already_running", second.tmuxStatus());
    assertEquals("preserved", second.stateResetStatus());
    assertEquals(pid, panePid(first.session()));
  }

  @Test
  void aDifferentChainOnTheSameSessionIsRefusedAndTheRunningOneUntouched() throws Exception {
    String pinned = "chain_session: shared-runner\n";
    ChainLaunchReport first =
        launch(pinned, spec("a.yaml", "milestones:\n  - label: a1\n    idea: a1.md\n", "a1.md"));
    String pid = panePid("shared-runner");
    Path other = spec("b.yaml", "milestones:\n  - label: b1\n    idea: b1.md\n", "b1.md");
    CloudException e = assertThrows(CloudException.class, () -> launch(pinned, other));
    assertEquals(ErrorCode.CHAIN_SESSION_COLLISION, e.code());
    assertTrue(e.getMessage().contains("refusing to disturb it"), e.getMessage());
    assertEquals(pid, panePid("shared-runner"));
    JsonNode marker =
        Json.mapper()
            .readTree(
                Files.readString(
                    box.root().resolve(".megaplan/cloud-sessions/shared-runner.json")));
    assertEquals(first.remoteSpec(), marker.get("remote_spec").asText());
  }

  @Test
  void labelsAndPathsWithSpacesQuotesAndUnicodeLaunch() throws Exception {
    Path spec =
        spec(
            "my \"odd\" chäin's spec.yaml",
            "milestones:\n  - label: \"m 1 'quoted' ✓\"\n    idea: \"idées/m 1's.md\"\n",
            "idées/m 1's.md");
    ChainLaunchReport report = launch("", spec);
    assertEquals("ok", report.verificationStatus(), report.toMap().toString());
    assertTrue(report.session().matches("megaplan-chain-[A-Za-z0-9_-]+"), report.session());
    assertEquals(
        "idea: idées/m 1's.md", Files.readString(Path.of(report.workspace(), "idées/m 1's.md")));
  }

  @Test
  void aMissingAgentCliIsReportedBeforeAnythingIsUploaded() throws Exception {
    agent = "codex"; // not on /usr/local/bin:/usr/bin:/bin on a test machine
    Path spec = spec("chain.yaml", "milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md");
    CloudException e = assertThrows(CloudException.class, () -> launch("", spec));
    assertEquals(ErrorCode.AGENT_DEPS_MISSING, e.code());
    assertEquals(List.of("codex"), e.context().get("missing_commands"));
    try (var files = Files.walk(box.root())) {
      assertTrue(files.noneMatch(p -> p.endsWith("chain.yaml") || p.endsWith("m1.md")));
    }
  }

  private String panePid(String session) {
    ExecResult result =
        shell()
            .exec(
                box.provider().tmuxCommand()
                    + " list-panes -t '="
                    + session
                    + "' -F '#{pane_pid}'");
    assertTrue(result.succeeded(), result.stderr());
    return result.stdout().strip();
  }

  @Test
  void nothingIsUploadedWhenAnIdeaIsMissing() throws Exception {
    Path spec = spec("chain.yaml", "milestones:\n  - label: m1\n    idea: nope.md\n");
    CloudException e = assertThrows(CloudException.class, () -> launch("", spec));
    assertEquals(ErrorCode.MISSING_IDEA_FILE, e.code());
    assertFalse(Files.exists(box.root()) && Files.list(box.root()).findAny().isPresent());
  }
}
