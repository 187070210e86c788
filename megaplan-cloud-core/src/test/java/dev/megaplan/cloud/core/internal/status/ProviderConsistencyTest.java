package dev.megaplan.cloud.core.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RailwayConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
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
            "/s",
            "other-tmux-session",
            null,
            List.of(),
            provider,
            identity,
            "test"));
  }

  @Test
  void railwayWithAMatchingMarkerIsConsistentWhateverTheSessionNames() {
    assertEquals(
        Map.of("status", "consistent"),
        ProviderConsistency.of(config("railway"), marker("railway", "agent-a")));
    assertEquals(
        Map.of("status", "consistent"),
        ProviderConsistency.of(config("railway"), Optional.empty()));
  }

  @Test
  void railwayWithAnotherProviderOrServiceIsAMismatchWithAReason() {
    Map<String, Object> provider =
        ProviderConsistency.of(config("railway"), marker("ssh", "agent-a"));
    assertEquals("mismatch", provider.get("status"));
    assertEquals(
        "the last chain was launched with provider 'ssh', but cloud.yaml configures 'railway'",
        provider.get("reason"));
    Map<String, Object> service =
        ProviderConsistency.of(config("railway"), marker("railway", "agent-b"));
    assertEquals("mismatch", service.get("status"));
  }

  @Test
  void otherProvidersAreNotApplicable() {
    for (String name : List.of("host", "local", "ssh")) {
      assertEquals(
          Map.of("status", "not_applicable"),
          ProviderConsistency.of(config(name), marker("railway", "agent-b")));
    }
  }

  @Test
  void kubernetesComparesTheMarkersPodWithTheLiveOne() {
    assertEquals(
        Map.of("status", "consistent"),
        ProviderConsistency.of(
            config("kubernetes"),
            marker("kubernetes", "agents/runner-0"),
            () -> "agents/runner-0"));
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
