package dev.megaplan.cloud.testkit.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.api.status.RunnerState;
import dev.megaplan.cloud.core.ChainStatusReader;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.testkit.FakeProvider;
import dev.megaplan.cloud.testkit.Match;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain status reader against a scripted box: what it asks, and what it makes of answers. */
class ScriptedStatusReadTest {
  static final String SPEC_PATH = "/workspace/app/chain.yaml";
  static final String SPEC =
      "milestones:\n"
          + "- {label: m1, idea: ideas/1.md}\n"
          + "- {label: m2, idea: ideas/2.md, branch: feat/m2}\n"
          + "- {label: m3, idea: ideas/3.md}\n"
          + "seed: {plan: seed-plan}\n";
  static final String STATE =
      "{\"current_milestone_index\": 1, \"current_plan_name\": \"m2-plan\", \"last_state\":"
          + " \"running\", \"pr_number\": 42, \"pr_state\": \"open\", \"completed\": [{\"label\":"
          + " \"m1\"}], \"branch_head\": \"abc\", \"pr_head\": \"def\", \"last_pushed_commit\":"
          + " \"abc\", \"dirty_flag\": false, \"sync_state\": \"clean\", \"custom\": {\"k\": 1}}";
  static final String RUNNING = "{\"plan\": \"m2-plan\", \"status\": \"running\"}";
  static final String VERIFIED =
      "{\"semantics\": \"latest_verdict\", \"pending\": 0, \"verified\": 1,"
          + " \"all_deferred_must_verified\": true, \"rows\": []}";
  static final String SECRET = "s3cr3t-value-planted-42";

  @TempDir Path home;
  final FakeProvider box = new FakeProvider();

  CloudSession session(CloudConfig config) {
    return CloudSession.builder(config)
        .provider(box)
        .home(home)
        .environment(Map.of("MY_TOKEN", SECRET)::get)
        .cloudYaml(home.resolve("cloud.yaml"))
        .open();
  }

  static CloudConfig config() {
    return CloudConfig.builder()
        .provider("host")
        .repo(RepoConfig.builder().url("https://x/app.git").build())
        .secrets(List.of("MY_TOKEN"))
        .build();
  }

  void answer(ProbeDoc doc) {
    box.when(Match.where(c -> c.contains("rec probe status"), "status probe"))
        .thenReturn(0, doc.render(), "");
  }

  ChainStatus read(ProbeDoc doc) {
    answer(doc);
    try (CloudSession s = session(config())) {
      return s.chainStatus().remoteSpec(SPEC_PATH).read();
    }
  }

  static ProbeDoc running() {
    return new ProbeDoc()
        .state(STATE)
        .spec(SPEC)
        .chainLogStat(1_700_000_000L, 123)
        .plan("m2-plan", 0, RUNNING, 0, VERIFIED);
  }

  @Test
  void oneExecGathersEveryObservation() {
    ChainStatus status = read(running());

    assertEquals(1, box.count(FakeProvider.Kind.EXEC));
    assertEquals(1, box.journal().size(), "no reads or uploads besides the one exec");
    assertEquals(EffectiveStatus.RUNNING, status.effectiveStatus());
    assertEquals(RunnerState.ALIVE, status.runnerState());
    JsonNode json = Json.tree(status);
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of(
            "success",
            "spec",
            "milestone_count",
            "seed_plan",
            "chain_state",
            "summary",
            "effective_status",
            "policy",
            "sync",
            "plan_status",
            "runner",
            "logs",
            "pr",
            "provider_consistency",
            "human_verification",
            "resolved_workspace",
            "resolved_session",
            "resolved_context"),
        fields);
    assertEquals(SPEC_PATH, json.get("spec").asText());
    assertEquals(3, json.get("milestone_count").asInt());
    assertEquals("seed-plan", json.get("seed_plan").asText());
    assertEquals(1, json.get("chain_state").get("custom").get("k").asInt());
    assertEquals("m2", json.get("summary").get("current_milestone").get("label").asText());
    assertEquals("running", json.get("effective_status").asText());
    assertEquals("running", json.get("plan_status").get("status").asText());
    assertEquals("alive", json.get("runner").get("status").asText());
    assertEquals("megaplan-chain", json.get("runner").get("session").asText());
    assertEquals("tmux session present", json.get("runner").get("detail").asText());
    JsonNode logs = json.get("logs");
    assertEquals("/workspace/app", logs.get("workspace").asText());
    assertEquals("/workspace/app/.megaplan/logs/latest.log", logs.get("plan_log").asText());
    assertEquals("/workspace/app/agent.log", logs.get("agent_log").asText());
    assertEquals(
        "/workspace/app/.megaplan/cloud-chain.log", logs.get("chain_log").get("path").asText());
    assertEquals(1_700_000_000L, logs.get("chain_log").get("mtime").asLong());
    assertEquals(123, logs.get("chain_log").get("size").asLong());
    assertEquals(42, json.get("pr").get("pr_number").asInt());
    assertEquals("open", json.get("pr").get("pr_state").asText());
    assertEquals("def", json.get("pr").get("pr_head").asText());
    assertEquals("abc", json.get("sync").get("branch_head").asText());
    assertEquals("clean", json.get("sync").get("sync_state").asText());
    assertEquals("not_applicable", json.get("provider_consistency").get("status").asText());
    assertEquals("available", json.get("human_verification").get("status").asText());
    assertEquals("latest_verdict", json.get("human_verification").get("semantics").asText());
    assertEquals("/workspace/app", json.get("resolved_workspace").asText());
    assertEquals("megaplan-chain", json.get("resolved_session").asText());
    JsonNode context = json.get("resolved_context");
    assertEquals("megaplan-chain", context.get("chain_session").asText());
    assertFalse(context.has("session"), context.toString());
    assertEquals(SPEC_PATH, context.get("remote_spec").asText());
    assertEquals(
        "provider 'host' has no comparable provider identity",
        json.get("provider_consistency").get("reason").asText());
    assertEquals("host", json.get("provider_consistency").get("spec_provider").asText());
    JsonNode source = context.get("source");
    assertEquals("remote_spec_option", source.get("remote_spec").asText());
    assertEquals("remote_spec", source.get("workspace").asText());
    assertEquals("default", source.get("session").asText());
    assertEquals("chain_yaml", json.get("policy").get("source").asText());
  }

  @Test
  void theSummaryTextIsTheChainSummaryBlock() {
    String text = ChainStatusReader.summaryText(read(running()));
    assertTrue(text.startsWith("Current milestone: m2 (index 1)\nCompleted: m1\n"), text);
    assertTrue(text.contains("Current PR: #42 (open)\n"), text);
  }

  @Test
  void aPlanNameTheScriptCouldNotExtractIsReprobedInASecondExec() {
    String escaped = STATE.replace("\"m2-plan\"", "\"m2 \\\"quoted\\\" plan\"");
    ProbeDoc first = new ProbeDoc().state(escaped).spec(SPEC);
    answer(first);
    box.when(Match.where(c -> c.contains("rec probe plan"), "plan probe"))
        .thenReturn(
            0,
            new ProbeDoc()
                .plan("m2 \"quoted\" plan", 0, "{\"status\": \"blocked\"}", 0, VERIFIED)
                .renderPlanOnly(),
            "");
    ChainStatus status;
    try (CloudSession s = session(config())) {
      status = s.chainStatus().remoteSpec(SPEC_PATH).read();
    }
    assertEquals(2, box.count(FakeProvider.Kind.EXEC));
    assertTrue(box.commands().get(1).contains("plan='m2 \"quoted\" plan'"), box.commands().get(1));
    assertEquals("blocked", status.planStatus().get("status"));
  }

  @Test
  void aStateNamingAnotherWorkspaceIsProbedAgainThere() {
    String moved = STATE.replace("{", "{\"resolved_workspace\": \"/elsewhere/app\", ");
    answer(running().state(moved));
    ChainStatus status;
    try (CloudSession s = session(config())) {
      status = s.chainStatus().remoteSpec(SPEC_PATH).read();
    }
    assertEquals(2, box.count(FakeProvider.Kind.EXEC));
    assertTrue(box.commands().get(1).contains("ws='/elsewhere/app'"), box.commands().get(1));
    assertEquals("/elsewhere/app", status.resolvedWorkspace());
    assertEquals(
        "chain_state", ((Map<?, ?>) status.resolvedContext().get("source")).get("workspace"));
  }

  @Test
  void noStateFileReadsAsDefaultsWithoutAPlan() {
    ChainStatus status = read(new ProbeDoc().spec(SPEC).runnerAnswer(1, "can't find session: x"));
    assertEquals(-1, status.chainState().currentMilestoneIndex());
    assertEquals(Map.of("status", "missing", "reason", "no current plan"), status.planStatus());
    assertEquals("unavailable", status.humanVerification().get("status"));
    assertEquals("dead", status.runner().get("status"));
    // a stable phrase, not tmux's own words
    assertEquals("tmux session absent", status.runner().get("detail"));
    assertEquals(Map.of("status", "none"), status.pr());
    assertEquals(null, status.logs().get("plan_log"));
    assertEquals(EffectiveStatus.STALE_BOOKKEEPING, status.effectiveStatus());
  }

  @Test
  void aFailingTmuxProbeIsUnknownAndTheRunnerGetsTheBenefitOfTheDoubt() {
    ChainStatus status = read(running().runnerAnswer(127, "tmux: command not found"));
    assertEquals("unknown", status.runner().get("status"));
    assertTrue(status.runner().get("reason").toString().contains("exit 127"));
    assertEquals(EffectiveStatus.RUNNING, status.effectiveStatus());
  }

  @Test
  void aMissingChainLogSaysWhy() {
    ChainStatus status =
        read(new ProbeDoc().state(STATE).spec(SPEC).plan("m2-plan", 0, RUNNING, 0, VERIFIED));
    Map<?, ?> chainLog = (Map<?, ?>) status.logs().get("chain_log");
    assertEquals("unavailable", chainLog.get("status"));
    assertEquals("no such file", chainLog.get("reason"));
    assertEquals("/workspace/app/.megaplan/cloud-chain.log", chainLog.get("path"));
  }

  @Test
  void aCorruptStateIsProviderFailedWithTheParseError() {
    answer(running().state("{not json"));
    try (CloudSession s = session(config())) {
      CloudException e =
          assertThrows(CloudException.class, () -> s.chainStatus().remoteSpec(SPEC_PATH).read());
      assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
      assertTrue(
          e.getMessage().startsWith("Remote chain state was not valid JSON: "), e.getMessage());
    }
  }

  @Test
  void aMissingRemoteSpecFileIsProviderFailedNamingThePath() {
    answer(new ProbeDoc().state(STATE));
    try (CloudSession s = session(config())) {
      CloudException e =
          assertThrows(CloudException.class, () -> s.chainStatus().remoteSpec(SPEC_PATH).read());
      assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
      assertTrue(e.getMessage().contains(SPEC_PATH), e.getMessage());
    }
  }

  @Test
  void noChainToReadIsMissingRemoteSpecWithoutTouchingTheBox() {
    try (CloudSession s = session(config())) {
      CloudException e = assertThrows(CloudException.class, () -> s.chainStatus().read());
      assertEquals(ErrorCode.MISSING_REMOTE_SPEC, e.code());
      assertEquals(
          "Pass --remote-spec <path>, run `cloud chain <spec>` first, or set mode: chain in"
              + " cloud.yaml",
          e.getMessage());
    }
    assertEquals(0, box.journal().size());
  }

  @Test
  void aTransportFailureIsProviderFailedAndRedacted() {
    box.when(Match.any())
        .thenThrow(
            new CloudException(
                ErrorCode.PROVIDER_FAILED, "connection lost near " + SECRET, Map.of("x", SECRET)));
    try (CloudSession s = session(config())) {
      CloudException e =
          assertThrows(CloudException.class, () -> s.chainStatus().remoteSpec(SPEC_PATH).read());
      assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
      assertFalse(e.getMessage().contains(SECRET), e.getMessage());
      assertFalse(e.context().toString().contains(SECRET));
    }
  }

  @Test
  void secretsInRemoteOutputNeverReachThePayloadTheSummaryOrErrors() {
    String state =
        STATE
            .replace("\"custom\": {\"k\": 1}", "\"custom\": \"" + SECRET + "\"")
            .replace("\"abc\"", "\"" + SECRET + "\"");
    ChainStatus status =
        read(
            new ProbeDoc()
                .state(state)
                .spec(SPEC.replace("seed-plan", SECRET))
                .runnerAnswer(2, "tmux says " + SECRET)
                .plan(
                    "m2-plan",
                    0,
                    "{\"status\": \"running\", \"note\": \"" + SECRET + "\"}",
                    0,
                    VERIFIED.replace("[]", "[{\"criterion\": \"" + SECRET + "\"}]")));
    String everything =
        ChainStatusReader.toJson(status) + ChainStatusReader.summaryText(status) + status;
    assertFalse(everything.contains(SECRET), everything);
    assertTrue(everything.contains("***REDACTED***"));

    box.clearJournal();
    answer(running().state("{\"oops\": " + SECRET));
    try (CloudSession s = session(config())) {
      CloudException e =
          assertThrows(CloudException.class, () -> s.chainStatus().remoteSpec(SPEC_PATH).read());
      assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }
  }

  @Test
  void aProviderWithoutARemoteShellIsReadWithoutAnyExec() {
    Provider shellLess = new ShellLess();
    CloudConfig config = config();
    ChainStatus status;
    try (CloudSession s =
        CloudSession.builder(config)
            .provider(shellLess)
            .home(home)
            .cloudYaml(home.resolve("c"))
            .open()) {
      status = s.chainStatus().remoteSpec(SPEC_PATH).read();
    }
    assertEquals(RunnerState.UNAVAILABLE, status.runnerState());
    assertEquals("unavailable", status.planStatus().get("status"));
    assertEquals("the 'shell-less' provider has no remote shell", status.runner().get("reason"));
    assertEquals(0, status.milestoneCount());
    assertEquals(EffectiveStatus.STALE_BOOKKEEPING, status.effectiveStatus());
  }

  /** A provider with no remote shell at all. */
  static final class ShellLess implements Provider {
    @Override
    public String name() {
      return "shell-less";
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.builder()
          .remoteShell(false)
          .namedSessions(false)
          .interactiveAttach(false)
          .persistentVolume(false)
          .sameMachine(false)
          .build();
    }

    @Override
    public java.util.Optional<RemoteShell> remoteShell() {
      return java.util.Optional.empty();
    }

    @Override
    public String identity() {
      return "none";
    }

    @Override
    public void close() {}
  }
}
