package dev.megaplan.cloud.core.internal.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMarkersTest {
  @TempDir Path home;

  private static LastChainMarker marker() {
    return new LastChainMarker(
        "/workspace/epic-1a2b3c4d/app/chain.yaml",
        "2026-11-24T01:00:00Z",
        "main",
        "/workspace/epic-1a2b3c4d/app",
        "megaplan-chain-epic-1a2b3c4d",
        "/workspace/epic-1a2b3c4d/app/.megaplan/cloud-chain-megaplan-chain-epic-1a2b3c4d.log",
        List.of(Map.of("url", "u", "branch", "main", "workspace", "/workspace/lib")),
        "host",
        "/root/.megaplan/cloud/host/app",
        "megaplan-cloud-java");
  }

  @Test
  void theMarkerPathHashesTheAbsoluteNormalizedCloudYamlPath() {
    // sha256("/projects/demo/cloud.yaml")[:16], computed independently with sha256sum
    LocalMarkers markers = new LocalMarkers(home);
    assertEquals(
        home.resolve(".megaplan/cloud/markers/67599214570d1abf/last_chain.json"),
        markers.lastChainPath(Path.of("/projects/demo/cloud.yaml")));
    assertEquals(
        markers.lastChainPath(Path.of("/projects/demo/cloud.yaml")),
        markers.lastChainPath(Path.of("/projects/demo/./sub/../cloud.yaml")));
  }

  @Test
  void aWrittenMarkerReadsBackEqual() {
    LocalMarkers markers = new LocalMarkers(home);
    markers.writeLastChain(Path.of("/p/cloud.yaml"), marker());
    assertEquals(Optional.of(marker()), markers.readLastChain(Path.of("/p/cloud.yaml")));
  }

  @Test
  void markersOfDifferentCloudYamlsDoNotMix() {
    LocalMarkers markers = new LocalMarkers(home);
    markers.writeLastChain(Path.of("/p/cloud.yaml"), marker());
    assertEquals(Optional.empty(), markers.readLastChain(Path.of("/q/cloud.yaml")));
  }

  @Test
  void readingAMissingMarkerCreatesNothing() {
    LocalMarkers markers = new LocalMarkers(home);
    assertEquals(Optional.empty(), markers.readLastChain(Path.of("/p/cloud.yaml")));
    assertFalse(Files.exists(home.resolve(".megaplan")));
  }

  @Test
  void aCorruptMarkerReadsAsAbsent() throws Exception {
    LocalMarkers markers = new LocalMarkers(home);
    Path path = markers.lastChainPath(Path.of("/p/cloud.yaml"));
    Files.createDirectories(path.getParent());
    Files.writeString(path, "{not json");
    assertEquals(Optional.empty(), markers.readLastChain(Path.of("/p/cloud.yaml")));
    Files.writeString(path, "{\"workspace\": \"/w\"}");
    assertEquals(Optional.empty(), markers.readLastChain(Path.of("/p/cloud.yaml")));
  }

  @Test
  void theMarkerUsesTheSeedsFieldNames() throws Exception {
    LocalMarkers markers = new LocalMarkers(home);
    markers.writeLastChain(Path.of("/p/cloud.yaml"), marker());
    String text = Files.readString(markers.lastChainPath(Path.of("/p/cloud.yaml")));
    for (String field :
        List.of(
            "remote_spec",
            "started_at",
            "base_branch",
            "workspace",
            "chain_session",
            "chain_log",
            "extra_repos",
            "provider",
            "provider_identity",
            "provenance")) {
      assertTrue(text.contains("\"" + field + "\": "), field + " in " + text);
    }
  }

  @Test
  void aMarkerWithAnUnsafeValueIsIgnoredLikeACorruptOne() {
    LocalMarkers markers = new LocalMarkers(home);
    LastChainMarker good = marker();
    List<LastChainMarker> unsafe =
        List.of(
            withWorkspace(good, "/workspace/a\nb"),
            withWorkspace(good, "/workspace/../etc"),
            withWorkspace(good, "workspace/app"),
            withSession(good, "megaplan-chain#(touch /tmp/c)"),
            withSession(good, "a.b"),
            withLog(good, "/w/log\r"),
            withSpec(good, "/w/chain.yaml\u0007"),
            withSpec(good, "w/chain.yaml"));
    for (LastChainMarker marker : unsafe) {
      markers.writeLastChain(Path.of("/p/cloud.yaml"), marker);
      assertEquals(
          Optional.empty(), markers.readLastChain(Path.of("/p/cloud.yaml")), marker.toString());
    }
    // a '#' is an ordinary character in a path, and a remote spec is normalised where it is used
    LastChainMarker fine = withSpec(withWorkspace(good, "/w/d#(x)"), "/w/d#(x)/./chain.yaml");
    markers.writeLastChain(Path.of("/p/cloud.yaml"), fine);
    assertEquals(Optional.of(fine), markers.readLastChain(Path.of("/p/cloud.yaml")));
  }

  private static LastChainMarker withWorkspace(LastChainMarker m, String workspace) {
    return new LastChainMarker(
        m.remoteSpec(),
        m.startedAt(),
        m.baseBranch(),
        workspace,
        m.chainSession(),
        m.chainLog(),
        m.extraRepos(),
        m.provider(),
        m.providerIdentity(),
        m.provenance());
  }

  private static LastChainMarker withSession(LastChainMarker m, String session) {
    return new LastChainMarker(
        m.remoteSpec(),
        m.startedAt(),
        m.baseBranch(),
        m.workspace(),
        session,
        m.chainLog(),
        m.extraRepos(),
        m.provider(),
        m.providerIdentity(),
        m.provenance());
  }

  private static LastChainMarker withLog(LastChainMarker m, String log) {
    return new LastChainMarker(
        m.remoteSpec(),
        m.startedAt(),
        m.baseBranch(),
        m.workspace(),
        m.chainSession(),
        log,
        m.extraRepos(),
        m.provider(),
        m.providerIdentity(),
        m.provenance());
  }

  private static LastChainMarker withSpec(LastChainMarker m, String spec) {
    return new LastChainMarker(
        spec,
        m.startedAt(),
        m.baseBranch(),
        m.workspace(),
        m.chainSession(),
        m.chainLog(),
        m.extraRepos(),
        m.provider(),
        m.providerIdentity(),
        m.provenance());
  }
}
