package dev.megaplan.cloud.testkit.status;

import static dev.megaplan.cloud.testkit.status.HostChainFixture.SECRET;
import static dev.megaplan.cloud.testkit.status.HostChainFixture.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.core.ChainStatusReader;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import dev.megaplan.cloud.core.internal.marker.LocalMarkers;
import dev.megaplan.cloud.testkit.HostBoxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The chain status read end to end: real bash, real tmux, real files, a fake launcher. */
class HostStatusReadTest {
  static final String RUNNING_STATE =
      "{\"current_milestone_index\": 1, \"current_plan_name\": \"m2-plan\", \"last_state\":"
          + " \"running\", \"completed\": [{\"label\": \"m1\"}], \"sync_state\": \"clean\"}";
  static final String PENDING =
      "{\"semantics\": \"latest_verdict\", \"pending\": 1, \"verified\": 0,"
          + " \"all_deferred_must_verified\": false, \"rows\": [{\"criterion\": \"c\","
          + " \"verdict\": \"pending\"}]}";
  static final String VERIFIED =
      "{\"semantics\": \"latest_verdict\", \"pending\": 0, \"verified\": 1,"
          + " \"all_deferred_must_verified\": true, \"rows\": [{\"criterion\": \"c\","
          + " \"verdict\": \"pass\"}]}";

  @RegisterExtension final HostBoxExtension boxes = new HostBoxExtension();
  @TempDir Path home;
  HostChainFixture chain;

  @BeforeEach
  void setUp() {
    chain = new HostChainFixture(boxes.box());
  }

  ChainStatus read() {
    try (CloudSession session = chain.session(home)) {
      return session.chainStatus().remoteSpec(chain.spec).read();
    }
  }

  @Test
  void aLiveRunnerOnARunningPlanIsRunning() {
    chain.state(RUNNING_STATE).planStatus("running").runnerAlive().chainLog("12345");
    ChainStatus status = read();
    assertEquals(EffectiveStatus.RUNNING, status.effectiveStatus());
    assertEquals("m2-plan", status.planStatus().get("plan"), "the plan went to --plan");
    assertEquals("alive", status.runner().get("status"));
    assertEquals(SESSION, status.runner().get("session"));
    Map<?, ?> log = (Map<?, ?>) status.logs().get("chain_log");
    assertEquals(5L, ((Number) log.get("size")).longValue());
    assertEquals(
        chain.workspace.resolve(".megaplan/cloud-chain-" + SESSION + ".log").toString(),
        log.get("path"));
    assertEquals(chain.workspace.toString(), status.resolvedWorkspace());
  }

  @Test
  void aDeadRunnerIsStaleBookkeepingWhateverThePlanClaims() {
    chain.state(RUNNING_STATE).planStatus("running");
    ChainStatus status = read();
    assertEquals("dead", status.runner().get("status"));
    assertEquals(EffectiveStatus.STALE_BOOKKEEPING, status.effectiveStatus());
  }

  @Test
  void anIndexPastTheLastMilestoneIsComplete() {
    chain.state("{\"current_milestone_index\": 3, \"last_state\": \"complete\"}");
    ChainStatus status = read();
    assertEquals(EffectiveStatus.COMPLETE, status.effectiveStatus());
    assertEquals("missing", status.planStatus().get("status"));
  }

  @Test
  void aChainWaitingForItsPrIsAwaitingPrMerge() {
    chain.state(
        "{\"current_milestone_index\": 0, \"last_state\": \"awaiting_pr_merge\", \"pr_number\":"
            + " 100, \"pr_state\": \"open\", \"pr_head\": \"abc\"}");
    ChainStatus status = read();
    assertEquals(EffectiveStatus.AWAITING_PR_MERGE, status.effectiveStatus());
    assertEquals(Map.of("pr_number", 100, "pr_state", "open", "pr_head", "abc"), status.pr());
  }

  @Test
  void pendingCriteriaAreAwaitingHumanVerify() {
    chain
        .state(RUNNING_STATE)
        .planStatus("awaiting_human_verify")
        .verification(PENDING)
        .runnerAlive();
    ChainStatus status = read();
    assertEquals(EffectiveStatus.AWAITING_HUMAN_VERIFY, status.effectiveStatus());
    assertEquals("available", status.humanVerification().get("status"));
    assertEquals(1, ((Number) status.humanVerification().get("pending")).intValue());
  }

  @Test
  void everyCriterionVerifiedWithALiveRunnerIsRunning() {
    chain
        .state(RUNNING_STATE)
        .planStatus("awaiting_human_verify")
        .verification(VERIFIED)
        .runnerAlive();
    assertEquals(EffectiveStatus.RUNNING, read().effectiveStatus());
  }

  @Test
  void everyCriterionVerifiedWithADeadRunnerIsStaleBookkeeping() {
    chain.state(RUNNING_STATE).planStatus("awaiting_human_verify").verification(VERIFIED);
    assertEquals(EffectiveStatus.STALE_BOOKKEEPING, read().effectiveStatus());
  }

  @Test
  void verificationWithOtherSemanticsStaysAwaitingHumanVerify() {
    chain
        .state(RUNNING_STATE)
        .planStatus("awaiting_human_verify")
        .verification(VERIFIED.replace("latest_verdict", "any_pass"))
        .runnerAlive();
    ChainStatus status = read();
    assertEquals(EffectiveStatus.AWAITING_HUMAN_VERIFY, status.effectiveStatus());
    assertEquals("unavailable", status.humanVerification().get("status"));
  }

  @Test
  void aBlockedPlanUnderARequiredPrerequisiteOverrideIsHumanPrerequisite() {
    chain
        .state(RUNNING_STATE)
        .planStatus("blocked")
        .runtimePolicy("{\"prerequisite_policy\": \"required\"}")
        .runnerAlive();
    ChainStatus status = read();
    assertEquals(EffectiveStatus.HUMAN_PREREQUISITE, status.effectiveStatus());
    assertEquals("runtime_override", status.policy().source().wireName());
  }

  @Test
  void aBlockedPlanUnderRequiredValidationIsQualityGate() {
    chain
        .spec(
            "validation_policy: required\nmilestones:\n- {label: m1, idea: a}\n- {label: m2, idea: b}\n")
        .state(RUNNING_STATE)
        .planStatus("blocked")
        .runnerAlive();
    assertEquals(EffectiveStatus.QUALITY_GATE, read().effectiveStatus());
  }

  @Test
  void aStaleSyncStateWithAStoppedPlanIsStaleBookkeeping() {
    chain
        .state(RUNNING_STATE.replace("clean", "stale"))
        .planStatus("done")
        .runtimePolicy("{\"prerequisite_policy\": \"required\"}")
        .runnerAlive();
    assertEquals(EffectiveStatus.STALE_BOOKKEEPING, read().effectiveStatus());
  }

  @Test
  void aPlanStatusThatFailsIsUnavailableWithTheLaunchersWords() {
    chain.state(RUNNING_STATE).runnerAlive();
    ChainStatus status = read();
    assertEquals("unavailable", status.planStatus().get("status"));
    assertEquals(
        "megaplan status failed (exit 3): no such plan: m2-plan",
        status.planStatus().get("reason"));
    assertEquals(EffectiveStatus.RUNNING, status.effectiveStatus());
  }

  @Test
  void theLegacyStatePathIsReadWhenTheHashedOneIsAbsent() {
    chain.legacyState(RUNNING_STATE.replace("m2-plan", "legacy-plan")).planStatus("running");
    ChainStatus status = read();
    assertEquals("legacy-plan", status.chainState().currentPlanName().orElseThrow());
    assertEquals("legacy-plan", status.planStatus().get("plan"));
  }

  @Test
  void aCorruptStateIsProviderFailedWithTheParseError() {
    chain.state("{\"current_milestone_index\": ");
    CloudException e = assertThrows(CloudException.class, this::read);
    assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
    assertTrue(
        e.getMessage().startsWith("Remote chain state was not valid JSON: "), e.getMessage());
  }

  @Test
  void aMissingSpecFileIsProviderFailedNamingThePath() throws IOException {
    Files.delete(Path.of(chain.spec));
    CloudException e = assertThrows(CloudException.class, this::read);
    assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
    assertEquals("Remote chain spec not found: " + chain.spec, e.getMessage());
  }

  @Test
  void aSecretInTheLaunchersOutputNeverReachesThePayload() {
    chain
        .state(RUNNING_STATE.replace("clean", "E2E_TOKEN=" + SECRET))
        .planStatus("running " + SECRET)
        .verification(VERIFIED.replace("\"c\"", "\"" + SECRET + "\""))
        .runnerAlive();
    ChainStatus status = read();
    String everything = ChainStatusReader.toJson(status) + ChainStatusReader.summaryText(status);
    assertFalse(everything.contains(SECRET), everything);
  }

  @Test
  void theMarkerNamesTheChainAndAReadOnlyHomeStaysUntouched() throws IOException {
    chain.state(RUNNING_STATE).planStatus("running").runnerAlive();
    Path cloudYaml = home.resolve("project/cloud.yaml");
    new LocalMarkers(home)
        .writeLastChain(
            cloudYaml,
            new LastChainMarker(
                chain.spec,
                "2024-01-01T00:00:00Z",
                "main",
                Map.of(),
                chain.workspace.toString(),
                SESSION,
                null,
                List.of(),
                "host",
                boxes.box().root().toString()));
    Map<String, Long> before = tree(home);
    Map<String, Long> boxBefore = tree(chain.workspace);
    makeReadOnly(home);
    ChainStatus fromMarker;
    ChainStatus explicit;
    try {
      try (CloudSession session = chain.session(home)) {
        fromMarker = session.chainStatus().read();
        explicit = session.chainStatus().remoteSpec(chain.spec).read();
      }
    } finally {
      makeWritable(home);
    }
    assertEquals(before, tree(home), "status wrote nothing locally");
    assertEquals(boxBefore, tree(chain.workspace), "status wrote nothing on the box");
    Map<?, ?> source = (Map<?, ?>) fromMarker.resolvedContext().get("source");
    assertEquals("marker", source.get("remote_spec"));
    assertEquals("marker", source.get("workspace"));
    assertEquals(EffectiveStatus.RUNNING, fromMarker.effectiveStatus());

    ObjectNode a = (ObjectNode) Json.tree(fromMarker);
    ObjectNode b = (ObjectNode) Json.tree(explicit);
    ((ObjectNode) a.get("resolved_context").get("source")).remove("remote_spec");
    ((ObjectNode) b.get("resolved_context").get("source")).remove("remote_spec");
    assertEquals(a, b, "the same chain read either way gives the same payload");
  }

  static Map<String, Long> tree(Path dir) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        out.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
      }
    }
    return out;
  }

  static void makeReadOnly(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
      }
    }
  }

  static void makeWritable(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }
}
