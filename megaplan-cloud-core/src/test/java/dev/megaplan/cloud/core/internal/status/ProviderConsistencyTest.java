package dev.megaplan.cloud.core.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RailwayConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderConsistencyTest {
  static CloudConfig config(String provider) {
    return CloudConfig.builder()
        .provider(provider)
        .repo(RepoConfig.builder().url("u").build())
        .railway(RailwayConfig.builder().service("agent-a").build())
        .build();
  }

  static Optional<LastChainMarker> marker(String provider, String identity) {
    return Optional.of(
        new LastChainMarker(
            "/s/chain.yaml",
            "t",
            "main",
            Map.of(),
            "/s",
            "other-tmux-session",
            null,
            List.of(),
            provider,
            identity));
  }

  @Test
  void railwayWithAMatchingMarkerIsConsistentWhateverTheSessionNames() {
    Map<String, Object> consistent = new LinkedHashMap<>();
    consistent.put("status", "consistent");
    consistent.put("spec_provider", "railway");
    consistent.put("spec_identity", "agent-a");
    consistent.put("marker_provider", "railway");
    consistent.put("marker_identity", "agent-a");
    assertEquals(
        consistent, ProviderConsistency.of(config("railway"), marker("railway", "agent-a")));
    consistent.put("marker_provider", null);
    consistent.put("marker_identity", null);
    assertEquals(consistent, ProviderConsistency.of(config("railway"), Optional.empty()));
  }

  @Test
  void railwayWithAnotherProviderOrServiceIsAMismatchWithAReason() {
    Map<String, Object> provider =
        ProviderConsistency.of(config("railway"), marker("ssh", "agent-a"));
    assertEquals("mismatch", provider.get("status"));
    assertEquals(
        "the last chain was launched with provider 'ssh', but cloud.yaml configures 'railway'",
        provider.get("reason"));
    assertEquals("railway", provider.get("spec_provider"));
    assertEquals("ssh", provider.get("marker_provider"));
    Map<String, Object> service =
        ProviderConsistency.of(config("railway"), marker("railway", "agent-b"));
    assertEquals("mismatch", service.get("status"));
    assertEquals("agent-a", service.get("spec_identity"));
    assertEquals("agent-b", service.get("marker_identity"));
  }

  @Test
  void otherProvidersAreNotApplicableAndSayWhy() {
    for (String name : List.of("host", "local", "ssh")) {
      assertEquals(
          Map.of(
              "status",
              "not_applicable",
              "reason",
              "provider '" + name + "' has no comparable provider identity",
              "spec_provider",
              name),
          ProviderConsistency.of(config(name), marker("railway", "agent-b")));
    }
  }

  @Test
  void kubernetesComparesTheMarkersPodWithTheLiveOne() {
    Map<String, Object> same =
        ProviderConsistency.of(
            config("kubernetes"), marker("kubernetes", "agents/runner-0"), () -> "agents/runner-0");
    assertEquals("consistent", same.get("status"));
    assertEquals("agents/runner-0", same.get("spec_identity"));
    assertEquals("agents/runner-0", same.get("marker_identity"));
    Map<String, Object> moved =
        ProviderConsistency.of(
            config("kubernetes"), marker("kubernetes", "agents/runner-0"), () -> "ci/runner-0");
    assertEquals("mismatch", moved.get("status"));
    assertEquals(
        "the last chain was launched on kubernetes pod 'agents/runner-0', but cloud.yaml and the"
            + " kubeconfig now point at pod 'ci/runner-0'",
        moved.get("reason"));
    assertEquals(
        "mismatch",
        ProviderConsistency.of(config("kubernetes"), marker("ssh", "h"), () -> "agents/runner-0")
            .get("status"));
  }
}
