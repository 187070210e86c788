package dev.megaplan.cloud.core.internal.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.core.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map.of("event", "cloud_chain_launched"),
        "/workspace/epic-1a2b3c4d/app",
        "megaplan-chain-epic-1a2b3c4d",
        "/workspace/epic-1a2b3c4d/app/.megaplan/cloud-chain-megaplan-chain-epic-1a2b3c4d.log",
        List.of(Map.of("url", "u", "branch", "main", "workspace", "/workspace/lib")),
        "host",
        "/root/.megaplan/cloud/host/app");
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
    Files.writeString(path, "[\"not\", \"an object\"]");
    assertEquals(Optional.empty(), markers.readLastChain(Path.of("/p/cloud.yaml")));
  }

  @Test
  void aMarkerWithoutRemoteSpecKeepsItsOtherFields() throws Exception {
    LocalMarkers markers = new LocalMarkers(home);
    Path path = markers.lastChainPath(Path.of("/p/cloud.yaml"));
    Files.createDirectories(path.getParent());
    Files.writeString(
        path, "{\"workspace\": \"/w\", \"provider\": \"ssh\", \"provider_identity\": \"box\"}");
    LastChainMarker read = markers.readLastChain(Path.of("/p/cloud.yaml")).orElseThrow();
    assertNull(read.remoteSpec());
    assertEquals("/w", read.workspace());
    assertEquals("ssh", read.provider());
    assertEquals("box", read.providerIdentity());
  }

  @Test
  void malformedFieldsAreAbsentAndTheRestIsUsed() throws Exception {
    LocalMarkers markers = new LocalMarkers(home);
    Path path = markers.lastChainPath(Path.of("/p/cloud.yaml"));
    Files.createDirectories(path.getParent());
    Files.writeString(
        path,
        "{\"remote_spec\": 12, \"workspace\": [\"/w\"], \"chain_session\": \"s\","
            + " \"provider\": \"railway\", \"extra_repos\": [\"/ws/lib\", {\"url\": \"u\","
            + " \"workspace\": \"/ws/other\", \"branch\": 3}, 7]}");
    LastChainMarker read = markers.readLastChain(Path.of("/p/cloud.yaml")).orElseThrow();
    assertNull(read.remoteSpec());
    assertNull(read.workspace());
    assertEquals("s", read.chainSession());
    assertEquals("railway", read.provider());
    assertEquals(
        List.of(Map.of("workspace", "/ws/lib"), Map.of("url", "u", "workspace", "/ws/other")),
        read.extraRepos());
  }

  @Test
  void anOlderMarkerWithAStringProvenanceStillReads() throws Exception {
    LocalMarkers markers = new LocalMarkers(home);
    Path path = markers.lastChainPath(Path.of("/p/cloud.yaml"));
    Files.createDirectories(path.getParent());
    // the format this project wrote before the marker followed the Python tool's
    Files.writeString(
        path,
        "{\"remote_spec\": \"/w/chain.yaml\", \"started_at\": \"t\", \"base_branch\":"
            + " \"main\", \"workspace\": \"/w\", \"chain_session\": \"s\", \"chain_log\":"
            + " \"/w/l\", \"extra_repos\": [{\"url\": \"u\", \"branch\": \"main\","
            + " \"workspace\": \"/w/lib\"}], \"provider\": \"host\", \"provider_identity\":"
            + " \"/box\", \"provenance\": \"megaplan-cloud-java chain launch\"}");
    LastChainMarker read = markers.readLastChain(Path.of("/p/cloud.yaml")).orElseThrow();
    assertEquals("/w/chain.yaml", read.remoteSpec());
    assertEquals("/w/l", read.chainLog());
    assertEquals(Map.of(), read.provenance());
    assertEquals(
        List.of(Map.of("url", "u", "branch", "main", "workspace", "/w/lib")), read.extraRepos());
  }

  @Test
  void theProvenanceIsWrittenAsAnObject() throws Exception {
    LocalMarkers markers = new LocalMarkers(home);
    markers.writeLastChain(Path.of("/p/cloud.yaml"), marker());
    JsonNode tree =
        Json.mapper().readTree(Files.readString(markers.lastChainPath(Path.of("/p/cloud.yaml"))));
    assertTrue(tree.get("provenance").isObject(), tree.toString());
    assertEquals("cloud_chain_launched", tree.get("provenance").get("event").asText());
  }

  @Test
  void theMarkerUsesTheSeedsFieldNames() throws Exception {
    LocalMarkers markers = new LocalMarkers(home);
    markers.writeLastChain(Path.of("/p/cloud.yaml"), marker());
    String text = Files.readString(markers.lastChainPath(Path.of("/p/cloud.yaml")));
    List<String> fields = new ArrayList<>();
    Json.mapper().readTree(text).fieldNames().forEachRemaining(fields::add);
    // the Python tool's fields, in its order
    assertEquals(
        List.of(
            "remote_spec",
            "started_at",
            "base_branch",
            "provenance",
            "workspace",
            "chain_session",
            "chain_log",
            "extra_repos",
            "provider",
            "provider_identity"),
        fields);
  }

  @Test
  void anUnsafeValueIsAbsentWhileTheMarkersOtherFieldsAreKept() {
    LocalMarkers markers = new LocalMarkers(home);
    LastChainMarker good = marker();
    Map<LastChainMarker, LastChainMarker> unsafe = new LinkedHashMap<>();
    for (String workspace : List.of("/workspace/a\nb", "/workspace/../etc", "workspace/app")) {
      unsafe.put(withWorkspace(good, workspace), withWorkspace(good, null));
    }
    for (String session : List.of("megaplan-chain#(touch /tmp/c)", "a.b")) {
      unsafe.put(withSession(good, session), withSession(good, null));
    }
    unsafe.put(withLog(good, "/w/log\r"), withLog(good, null));
    for (String spec : List.of("/w/chain.yaml\u0007", "w/chain.yaml")) {
      unsafe.put(withSpec(good, spec), withSpec(good, null));
    }
    for (Map.Entry<LastChainMarker, LastChainMarker> entry : unsafe.entrySet()) {
      markers.writeLastChain(Path.of("/p/cloud.yaml"), entry.getKey());
      LastChainMarker read = markers.readLastChain(Path.of("/p/cloud.yaml")).orElseThrow();
      assertEquals(entry.getValue(), read, entry.getKey().toString());
      // the provider guard still knows which deployment launched the chain
      assertEquals(good.provider(), read.provider());
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
        m.provenance(),
        workspace,
        m.chainSession(),
        m.chainLog(),
        m.extraRepos(),
        m.provider(),
        m.providerIdentity());
  }

  private static LastChainMarker withSession(LastChainMarker m, String session) {
    return new LastChainMarker(
        m.remoteSpec(),
        m.startedAt(),
        m.baseBranch(),
        m.provenance(),
        m.workspace(),
        session,
        m.chainLog(),
        m.extraRepos(),
        m.provider(),
        m.providerIdentity());
  }

  private static LastChainMarker withLog(LastChainMarker m, String log) {
    return new LastChainMarker(
        m.remoteSpec(),
        m.startedAt(),
        m.baseBranch(),
        m.provenance(),
        m.workspace(),
        m.chainSession(),
        log,
        m.extraRepos(),
        m.provider(),
        m.providerIdentity());
  }

  private static LastChainMarker withSpec(LastChainMarker m, String spec) {
    return new LastChainMarker(
        spec,
        m.startedAt(),
        m.baseBranch(),
        m.provenance(),
        m.workspace(),
        m.chainSession(),
        m.chainLog(),
        m.extraRepos(),
        m.provider(),
        m.providerIdentity());
  }
}
