package dev.megaplan.cloud.testkit.dispatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.ChainLaunchReport;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.testkit.FakeProvider;
import dev.megaplan.cloud.testkit.FakeProvider.Call;
import dev.megaplan.cloud.testkit.FakeProvider.Kind;
import dev.megaplan.cloud.testkit.Match;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChainLaunchOnFakeBoxTest {
  private static final String SECRET = "s3cr3t-value-0123456789";
  private static final String PROBE_OK =
      "{\"session_alive\": true, \"state\": null, \"chain_log_size\": 12,"
          + " \"plan_dirs\": [\"bTEtcGxhbg==\"]}\n";

  @TempDir Path dir;
  FakeProvider box;
  Map<String, String> env;

  @BeforeEach
  void happyBox() throws Exception {
    box = new FakeProvider();
    box.when(Match.matching("new-session")).thenReturn(0, "started\n", "");
    box.when(Match.matching("alive=true")).thenReturn(0, PROBE_OK, "");
    env = new HashMap<>();
    Files.createDirectories(dir.resolve("home"));
    writeConfig("");
  }

  private void writeConfig(String extra) throws Exception {
    Files.writeString(
        dir.resolve("cloud.yaml"),
        "provider: fake\nrepo:\n  url: https://example.invalid/app.git\n  branch: develop\n"
            + "agents:\n  default: hermes\n"
            + extra);
  }

  private CloudSession session() {
    return CloudSession.builder(
            CloudYaml.loader().homeDirectory(dir.resolve("home")).load(dir.resolve("cloud.yaml")))
        .provider(box)
        .environment(env::get)
        .home(dir.resolve("home"))
        .cloudYaml(dir.resolve("cloud.yaml"))
        .open();
  }

  private Path spec(String yaml, String... ideas) throws Exception {
    for (String idea : ideas) {
      Path file = dir.resolve(idea);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "idea " + idea);
    }
    Path spec = dir.resolve("chain.yaml");
    Files.writeString(spec, yaml);
    return spec;
  }

  private ChainLaunchReport launch(Path spec) {
    try (CloudSession session = session()) {
      return session.chain(spec).verification(2, Duration.ZERO).launch();
    }
  }

  private CloudException launchFails(Path spec) {
    try (CloudSession session = session()) {
      return assertThrows(
          CloudException.class, () -> session.chain(spec).verification(2, Duration.ZERO).launch());
    }
  }

  @Test
  void aFiftyMilestoneChainUploadsEverythingInOneCall() throws Exception {
    StringBuilder yaml = new StringBuilder("milestones:\n");
    String[] ideas = new String[50];
    for (int i = 0; i < 50; i++) {
      ideas[i] = "ideas/m" + i + ".md";
      yaml.append("  - label: m").append(i).append("\n    idea: ideas/m").append(i).append(".md\n");
    }
    ChainLaunchReport report = launch(spec(yaml.toString(), ideas));

    assertEquals(1, box.count(Kind.UPLOAD));
    Call upload =
        box.journal().stream().filter(c -> c.kind() == Kind.UPLOAD).findFirst().orElseThrow();
    assertEquals(51, upload.subjects().size());
    assertEquals(report.remoteSpec(), upload.subjects().get(50));
    assertEquals(50, report.uploadedIdeaCount());
    assertTrue(box.count(Kind.EXEC) <= 6, "round trips: " + box.commands().size());
    assertEquals("idea ideas/m7.md", box.text(report.workspace() + "/ideas/m7.md").orElseThrow());
  }

  @Test
  void theReportCarriesTheLaunchFacts() throws Exception {
    ChainLaunchReport report =
        launch(spec("milestones:\n  - label: m1\n    idea: m1.md\n    branch: feat\n", "m1.md"));
    Map<String, Object> json = report.toMap();
    assertEquals("cloud_chain_launched", json.get("event"));
    assertEquals("started", report.tmuxStatus());
    assertEquals("ok", report.verificationStatus());
    assertTrue(report.session().startsWith("megaplan-chain-chain-"), report.session());
    assertTrue(report.workspace().matches("/workspace/chain-[0-9a-f]{8}/app"), report.workspace());
    assertEquals(report.workspace() + "/chain.yaml", report.remoteSpec());
    assertEquals(
        report.workspace() + "/.megaplan/cloud-chain-" + report.session() + ".log",
        report.chainLog());
    var node = Json.tree(json);
    // the Python tool's shape: the label as a string, plan and PR null on a fresh start
    assertEquals("m1", node.get("current_milestone").asText());
    assertEquals(0, node.get("current_milestone_index").asInt());
    assertTrue(node.get("plan_name").isNull(), node.toString());
    assertTrue(node.get("pr_number").isNull(), node.toString());
    assertEquals("cloud_image_runtime", node.at("/megaplan/install_source").asText());
    var phases = node.at("/chain/resolved_phase_map_summary");
    assertEquals(1, phases.size(), phases.toString());
    assertEquals("m1", phases.get(0).get("label").asText());
    assertTrue(phases.get(0).get("profile").isNull());
    assertEquals("hermes", phases.get(0).at("/resolved_phase_map/execute").asText());
    assertEquals("[\"hermes\"]", phases.get(0).get("required_agents").toString());
    assertEquals(0, phases.get(0).get("runtime_commands").size());
    assertEquals("develop", node.at("/chain/base_branch").asText());
    assertEquals(1, node.at("/chain/milestone_count").asInt());
    assertEquals("none", node.at("/chain/prerequisite_policy").asText());
    assertEquals("auto", node.at("/chain/review_policy/clean_milestone_pr").asText());
    assertTrue(node.at("/launch/derived_workspace").asBoolean());
    assertTrue(node.at("/launch/derived_session").asBoolean());
    assertEquals(10, node.at("/launch/identity_digest").asText().length());
    assertEquals("main", node.at("/megaplan/ref").asText());
    assertEquals("https://example.invalid/app.git", node.at("/repo/url").asText());
    assertEquals(report.session(), node.at("/tmux/session").asText());
    assertEquals(List.of("m1-plan"), List.of(node.at("/verification/plan_dirs/0").asText()));
    assertEquals(1, node.at("/uploaded_idea_count").asInt());
    assertEquals(
        "cloud chain launch: session="
            + report.session()
            + " alive=true advanced=true log="
            + report.chainLog(),
        report.summaryLine());
  }

  @Test
  void aMilestonesPhaseModelRoutesItsPhasesAndTheirCommandsAreChecked() throws Exception {
    ChainLaunchReport report =
        launch(
            spec(
                "milestones:\n  - label: m1\n    idea: m1.md\n    profile: fast\n"
                    + "    phase_model: [execute=codex:gpt-5:high, 'review=hermes:deepseek:chat',"
                    + " execute=claude]\n",
                "m1.md"));
    var summary = Json.tree(report.toMap()).at("/chain/resolved_phase_map_summary/0");
    assertEquals("fast", summary.get("profile").asText());
    assertEquals(3, summary.get("explicit_phase_model").size());
    // the first entry for a phase wins, as in megaplan
    assertEquals("codex:gpt-5:high", summary.at("/resolved_phase_map/execute").asText());
    assertEquals("hermes:deepseek:chat", summary.at("/resolved_phase_map/review").asText());
    assertEquals("hermes", summary.at("/resolved_phase_map/plan").asText());
    assertEquals("[\"codex\",\"hermes\"]", summary.get("required_agents").toString());
    assertEquals("[\"codex\",\"tmux\"]", summary.get("runtime_commands").toString());
    assertEquals("[\"DEEPSEEK_API_KEY\",\"OPENAI_API_KEY\"]", summary.get("env_hints").toString());
    assertTrue(
        summary.get("provider_requirements").toString().contains("\"provider\":\"deepseek\""),
        summary.toString());
    String check =
        box.commands().stream().filter(c -> c.contains("command -v")).findFirst().orElseThrow();
    assertTrue(check.contains("'codex'"), check);
  }

  @Test
  void aResumedLaunchReportsWhereTheChainIs() throws Exception {
    Path spec =
        spec(
            "milestones:\n  - label: m1\n    idea: m1.md\n  - label: m2\n    idea: m1.md\n",
            "m1.md");
    String statePath = ChainStatePath.statePath(launch(spec).remoteSpec());
    box.putFile(
        statePath,
        "{\"completed\": [{\"label\": \"m1\"}], \"last_state\": \"awaiting_pr_merge\","
            + " \"current_plan_name\": \"m2-plan\", \"current_milestone_index\": 1,"
            + " \"pr_number\": 17}");
    var node = Json.tree(launch(spec).toMap());
    assertEquals("m2", node.get("current_milestone").asText());
    assertEquals(1, node.get("current_milestone_index").asInt());
    assertEquals("m2-plan", node.get("plan_name").asText());
    assertEquals(17, node.get("pr_number").asInt());
  }

  @Test
  void aDeadSessionNamesItsLikelyCauseOnTheSummaryLine() throws Exception {
    box.when(Match.matching("alive=true"))
        .thenReturn(0, "{\"session_alive\": false, \"state\": null, \"chain_log_size\": 0}\n", "");
    ChainLaunchReport report =
        launch(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    String cause = report.likelyCause().orElseThrow();
    assertTrue(cause.startsWith("driver exited"), cause);
    assertTrue(report.summaryLine().endsWith(" likely_cause=" + cause), report.summaryLine());
  }

  @Test
  void theLocalMarkerRecordsTheLaunch() throws Exception {
    ChainLaunchReport report =
        launch(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    try (var files = Files.walk(dir.resolve("home/.megaplan/cloud/markers"))) {
      Path marker = files.filter(p -> p.endsWith("last_chain.json")).findFirst().orElseThrow();
      var node = Json.mapper().readTree(Files.readString(marker));
      assertEquals(report.remoteSpec(), node.get("remote_spec").asText());
      assertEquals(report.session(), node.get("chain_session").asText());
      assertEquals("fake", node.get("provider").asText());
      assertEquals("fake:/workspace", node.get("provider_identity").asText());
      assertEquals("develop", node.get("base_branch").asText());
      // the Python tool's marker: the launch report is its provenance
      assertEquals(Json.mapper().readTree(Json.compact(report.toMap())), node.get("provenance"));
    }
  }

  @Test
  void aMissingIdeaFileTouchesNothingOnTheBox() throws Exception {
    CloudException e =
        launchFails(
            spec(
                "milestones:\n  - label: m1\n    idea: m1.md\n  - label: m2\n    idea: gone.md\n",
                "m1.md"));
    assertEquals(ErrorCode.MISSING_IDEA_FILE, e.code());
    assertFalse(((List<?>) e.context().get("tried_paths")).isEmpty());
    assertEquals(List.of(), box.journal());
  }

  @Test
  void anUnsetSecretFailsThePreflightBeforeTheBoxIsTouched() throws Exception {
    writeConfig("secrets: [MY_TOKEN, OTHER_TOKEN]\n");
    env.put("OTHER_TOKEN", SECRET);
    CloudException e = launchFails(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    assertEquals(ErrorCode.CLOUD_PREFLIGHT_FAILED, e.code());
    assertEquals(List.of("MY_TOKEN"), e.context().get("missing_env"));
    assertEquals(List.of(), box.journal());
  }

  @Test
  void missingAgentCommandsAreReportedAndNothingIsUploaded() throws Exception {
    writeConfig("");
    Files.writeString(
        dir.resolve("cloud.yaml"),
        Files.readString(dir.resolve("cloud.yaml")).replace("hermes", "codex\n  plan: claude"));
    box.when(Match.matching("command -v")).thenAnswer(this::missingAllButTmux);
    CloudException e = launchFails(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    assertEquals(ErrorCode.AGENT_DEPS_MISSING, e.code());
    assertEquals(List.of("codex", "claude", "bun"), e.context().get("missing_commands"));
    assertEquals(0, box.count(Kind.UPLOAD));
    assertEquals(1, box.commands().stream().filter(c -> c.contains("command -v")).count());
  }

  private ExecResult missingAllButTmux(String command) {
    return ExecResult.of(0, "MISSING 1\nMISSING 2\nMISSING 3\n", "");
  }

  @Test
  void hermesNeedsOnlyTmux() throws Exception {
    launch(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    String check =
        box.commands().stream().filter(c -> c.contains("command -v")).findFirst().orElseThrow();
    assertTrue(check.contains("'tmux'"), check);
    assertFalse(check.contains("codex") || check.contains("claude") || check.contains("bun"));
  }

  @Test
  void aSessionHeldByAnotherChainIsACollision() throws Exception {
    box.when(Match.matching("new-session"))
        .thenReturn(17, "", "session x already running for a different chain");
    CloudException e = launchFails(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    assertEquals(ErrorCode.CHAIN_SESSION_COLLISION, e.code());
    assertTrue(e.getMessage().contains("refusing to disturb it"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("home/.megaplan/cloud/markers")));
    assertTrue(box.commands().stream().noneMatch(c -> c.contains("alive=true")));
  }

  @Test
  void anUnsafeSessionOrWorkspaceBuiltInCodeIsInvalidSpecBeforeTheBoxIsTouched() throws Exception {
    Path spec = spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md");
    CloudConfig loaded =
        CloudYaml.loader().homeDirectory(dir.resolve("home")).load(dir.resolve("cloud.yaml"));
    List<CloudConfig> unsafe =
        List.of(
            loaded.withChainSession("x#(touch /tmp/canary)"),
            loaded.withRepo(
                loaded.repo().withWorkspace("/workspace/a/../b").withWorkspaceExplicit(true)),
            loaded.withRepo(
                loaded.repo().withWorkspace("/workspace/a\nb").withWorkspaceExplicit(true)));
    for (CloudConfig config : unsafe) {
      try (CloudSession session =
          CloudSession.builder(config)
              .provider(box)
              .environment(env::get)
              .home(dir.resolve("home"))
              .cloudYaml(dir.resolve("cloud.yaml"))
              .open()) {
        CloudException e =
            assertThrows(
                CloudException.class,
                () -> session.chain(spec).verification(2, Duration.ZERO).launch());
        assertEquals(ErrorCode.INVALID_SPEC, e.code(), e.getMessage());
      }
    }
    assertEquals(List.of(), box.journal());
  }

  @Test
  void aRelaunchOfTheSameChainReportsAlreadyRunning() throws Exception {
    box.when(Match.matching("new-session")).thenReturn(0, "already_running\n", "");
    ChainLaunchReport report =
        launch(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    assertEquals("already_running", report.tmuxStatus());
  }

  @Test
  void aSpecWithoutBaseBranchIsUploadedWithTheRepoBranch() throws Exception {
    ChainLaunchReport report =
        launch(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    String uploaded = box.text(report.remoteSpec()).orElseThrow();
    assertTrue(uploaded.contains("base_branch: develop"), uploaded);
  }

  @Test
  void aSpecThatNeedsNoChangeIsUploadedByteForByte() throws Exception {
    writeConfig("");
    Files.writeString(
        dir.resolve("cloud.yaml"),
        Files.readString(dir.resolve("cloud.yaml"))
            .replace("branch: develop\n", "branch: develop\n  workspace: /workspace/app\n"));
    Path spec =
        spec(
            "# my chain — ünïcode\nbase_branch: main\nmilestones:\n  - {label: m1, idea: m1.md}\n",
            "m1.md");
    ChainLaunchReport report = launch(spec);
    assertEquals("/workspace/app/chain.yaml", report.remoteSpec());
    assertArrayEquals(Files.readAllBytes(spec), box.file(report.remoteSpec()).orElseThrow());
  }

  @Test
  void anAbsoluteIdeaPathUnderTheWorkspaceIsRewrittenToTheLaunchWorkspace() throws Exception {
    ChainLaunchReport report =
        launch(
            spec(
                "base_branch: main\nmilestones:\n  - label: m1\n    idea: /workspace/app/docs/m1.md\n",
                "docs/m1.md"));
    String uploaded = box.text(report.remoteSpec()).orElseThrow();
    assertTrue(uploaded.contains(report.workspace() + "/docs/m1.md"), uploaded);
    assertTrue(box.file(report.workspace() + "/docs/m1.md").isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fresh always resets|true|{\"completed\": [{\"label\": \"m1\"}], \"last_state\":"
            + " \"running\", \"current_plan_name\": \"p1\", \"current_milestone_index\": 1}|reset",
        "stalled with nothing completed resets|false|{\"completed\": [], \"last_state\":"
            + " \"stalled\", \"current_plan_name\": \"p1\", \"current_milestone_index\": 0}|reset",
        "never started resets|false|{\"completed\": [], \"current_milestone_index\": -1}|reset",
        "progress is preserved|false|{\"completed\": [{\"label\": \"m1\"}], \"last_state\":"
            + " \"stalled\", \"current_milestone_index\": 1}|preserved",
        "a running plan is preserved|false|{\"completed\": [], \"last_state\": \"running\","
            + " \"current_plan_name\": \"p1\", \"current_milestone_index\": 0}|preserved",
      })
  void theStateResetRules(String name, boolean fresh, String state, String expected)
      throws Exception {
    box.when(Match.matching("rm -rf")).thenReturn(0, "REMOVED 0\n", "");
    Path spec =
        spec(
            "milestones:\n  - label: m1\n    idea: m1.md\n  - label: m2\n    idea: m1.md\n",
            "m1.md");
    // derive the state path through a dry launch, then plant the state and launch again
    ChainLaunchReport first = launch(spec);
    String statePath = ChainStatePath.statePath(first.remoteSpec());
    box.putFile(statePath, state);
    box.clearJournal();
    ChainLaunchReport report;
    try (CloudSession session = session()) {
      report = session.chain(spec).fresh(fresh).verification(1, Duration.ZERO).launch();
    }
    assertEquals(expected, report.stateResetStatus());
    boolean removed = box.commands().stream().anyMatch(c -> c.contains("rm -rf"));
    assertEquals(expected.equals("reset"), removed);
    if (expected.equals("reset")) {
      assertEquals(List.of(statePath), report.removedPaths());
    }
  }

  @Test
  void anAbsentStateIsReportedAbsent() throws Exception {
    ChainLaunchReport report =
        launch(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    assertEquals("absent", report.stateResetStatus());
  }

  @Test
  void secretsNeverLeakIntoCommandsOrErrors() throws Exception {
    writeConfig("secrets: [MY_TOKEN]\n");
    env.put("MY_TOKEN", SECRET);
    Files.createDirectories(dir.resolve("home/.codex"));
    Files.writeString(dir.resolve("home/.codex/auth.json"), "{\"token\": \"" + SECRET + "\"}");
    box.when(Match.matching("git clone"))
        .thenReturn(128, "", "fatal: could not read from https://x:" + SECRET + "@example.invalid");
    CloudException e = launchFails(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertFalse(e.toString().contains(SECRET));
    assertFalse(Json.pretty(e.context()).contains(SECRET));
    for (String command : box.commands()) {
      assertFalse(command.contains(SECRET), command);
    }
  }

  @Test
  void oauthFilesTravelAsUploadDataWithOwnerOnlyMode() throws Exception {
    Files.createDirectories(dir.resolve("home/.codex"));
    Files.writeString(dir.resolve("home/.codex/auth.json"), "{\"token\": \"" + SECRET + "\"}");
    ChainLaunchReport report =
        launch(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    assertEquals(0600, box.mode("/root/.codex/auth.json").orElseThrow());
    assertEquals(0600, box.mode("/workspace/.creds/codex-auth.json").orElseThrow());
    assertTrue(box.text("/root/.codex/auth.json").orElseThrow().contains(SECRET));
    assertTrue(box.commands().stream().noneMatch(c -> c.contains(SECRET)));
    String text = Json.pretty(report.toMap());
    assertTrue(text.contains("\"seeded\""), text);
    assertTrue(text.contains("\"skipped\""), text);
    assertFalse(text.contains(SECRET));
    assertEquals(
        "{\"token\": \"" + SECRET + "\"}",
        new String(box.file("/root/.codex/auth.json").orElseThrow(), StandardCharsets.UTF_8));
  }

  @Test
  void apikeyAuthSkipsTheOAuthSeed() throws Exception {
    writeConfig("megaplan:\n  codex_auth: apikey\n");
    Files.createDirectories(dir.resolve("home/.codex"));
    Files.writeString(dir.resolve("home/.codex/auth.json"), "{}");
    launch(spec("milestones:\n  - label: m1\n    idea: m1.md\n", "m1.md"));
    assertFalse(box.file("/root/.codex/auth.json").isPresent());
  }
}
