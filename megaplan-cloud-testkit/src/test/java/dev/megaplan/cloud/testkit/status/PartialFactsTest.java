package dev.megaplan.cloud.testkit.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RailwayConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.api.supervisor.TickReport;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.internal.marker.LocalMarkers;
import dev.megaplan.cloud.testkit.FakeProvider;
import dev.megaplan.cloud.testkit.Match;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts that come from more than one source — the local marker, the chain state — are used field by
 * field: one that is missing or malformed never hides the others.
 */
class PartialFactsTest {
  static final String SPEC_PATH = "/workspace/app/chain.yaml";
  static final String SPEC = "milestones:\n- {label: m1, idea: ideas/1.md}\n";
  static final String DEAD_STALE_STATE =
      "{\"current_milestone_index\": 0, \"current_plan_name\": null, \"last_state\": \"stalled\"}";

  @TempDir Path home;
  final FakeProvider box = new FakeProvider();

  static CloudConfig railway() {
    return CloudConfig.builder()
        .provider("railway")
        .railway(RailwayConfig.builder().service("agent-a").build())
        .repo(RepoConfig.builder().url("https://x/app.git").build())
        .build();
  }

  CloudSession session(CloudConfig config) {
    return CloudSession.builder(config)
        .provider(box)
        .home(home)
        .cloudYaml(home.resolve("cloud.yaml"))
        .open();
  }

  void marker(String json) throws Exception {
    Path path = new LocalMarkers(home).lastChainPath(home.resolve("cloud.yaml"));
    Files.createDirectories(path.getParent());
    Files.writeString(path, json);
  }

  void answerStatus(ProbeDoc doc) {
    box.when(Match.where(c -> c.contains("rec probe status"), "status probe"))
        .thenReturn(0, doc.render(), "");
    // a tick's sync refresh runs in the same exec as its second status probe
    box.when(Match.where(c -> c.contains("python3 -c"), "sync refresh, then the status probe"))
        .thenReturn(0, doc.renderAfterStep(0, "", ""), "");
  }

  @Test
  void aMarkerWithoutRemoteSpecStillTripsTheProviderGuard() throws Exception {
    // a marker written by an ssh launch, damaged or hand-edited: no remote_spec
    marker("{\"workspace\": \"/workspace/app\", \"provider\": \"ssh\", \"provider_identity\": 5}");
    answerStatus(
        new ProbeDoc().state(DEAD_STALE_STATE).spec(SPEC).runnerAnswer(1, "can't find session"));
    box.when(Match.where(c -> c.contains("flock"), "restart")).thenReturn(0, "restarted\n", "");

    TickReport report;
    try (CloudSession s = session(railway())) {
      ChainStatus status = s.chainStatus().remoteSpec(SPEC_PATH).read();
      assertEquals("mismatch", status.providerConsistency().get("status"));
      assertEquals("ssh", status.providerConsistency().get("marker_provider"));
      report = s.supervisor(Optional.of(SPEC_PATH)).tick();
    }

    // the dead runner of a stale chain would be restarted; the mismatch blocks that first
    assertEquals("stale_bookkeeping", report.effectiveStatus());
    assertEquals("blocked", report.nextAction());
    assertFalse(report.acted());
    assertTrue(
        report.refusedReason().orElseThrow().startsWith("provider consistency mismatch: "),
        report.toString());
    assertFalse(box.commands().stream().anyMatch(c -> c.contains("flock")), "no restart ran");
  }

  @Test
  void aMarkerListingExtraReposAsStringsIsUsed() throws Exception {
    marker(
        "{\"remote_spec\": \""
            + SPEC_PATH
            + "\", \"chain_session\": \"megaplan-chain-x\", \"extra_repos\": [\"/workspace/lib\"]}");
    answerStatus(new ProbeDoc().spec(SPEC));
    ChainStatus status;
    try (CloudSession s = session(railway())) {
      status = s.chainStatus().read();
    }
    assertEquals(SPEC_PATH, status.spec());
    assertEquals("megaplan-chain-x", status.resolvedSession());
    Map<String, Object> context = status.resolvedContext();
    assertEquals(List.of("/workspace/lib"), context.get("extra_repos"));
    assertEquals(
        Map.of(
            "workspace", "remote_spec",
            "session", "marker",
            "extra_repos", List.of("marker"),
            "remote_spec", "marker"),
        context.get("source"));
  }

  @Test
  void theStatesExtraReposReachTheContextAndTheSyncRefresh() {
    // the state names extra repos but the same workspace and session the local sources give
    answerStatus(
        new ProbeDoc()
            .state(DEAD_STALE_STATE.replace("{", "{\"extra_repos\": [\"/workspace/state-lib\"], "))
            .spec(SPEC)
            .runnerAnswer(1, "can't find session"));
    box.when(Match.where(c -> c.contains("flock"), "restart")).thenReturn(0, "restarted\n", "");
    CloudConfig config =
        CloudConfig.builder()
            .provider("host")
            .repo(RepoConfig.builder().url("https://x/app.git").build())
            .build();

    ChainStatus status;
    try (CloudSession s = session(config)) {
      status = s.chainStatus().remoteSpec(SPEC_PATH).read();
      s.supervisor(Optional.of(SPEC_PATH)).tick();
    }

    assertEquals(List.of("/workspace/state-lib"), status.resolvedContext().get("extra_repos"));
    assertEquals(
        List.of("chain_state"),
        ((Map<?, ?>) status.resolvedContext().get("source")).get("extra_repos"));
    String sync =
        box.commands().stream().filter(c -> c.contains("python3 -c")).findFirst().orElseThrow();
    assertTrue(sync.contains("\"/workspace/state-lib\""), sync);
  }
}
