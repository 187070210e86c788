package dev.megaplan.cloud.core.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.ChainConfig;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.Mode;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainTargetTest {
  static final CloudConfig IDLE =
      CloudConfig.builder().repo(RepoConfig.builder().url("u").build()).build();
  static final CloudConfig CHAIN_MODE =
      CloudConfig.builder()
          .repo(RepoConfig.builder().url("u").build())
          .mode(Mode.CHAIN)
          .chain(ChainConfig.builder().spec("/workspace/app/mode.yaml").build())
          .build();
  static final Optional<LastChainMarker> MARKER =
      Optional.of(marker("/box/m/app/chain.yaml", "/box/m/app", "megaplan-chain-m"));

  static LastChainMarker marker(String spec, String workspace, String session) {
    return new LastChainMarker(
        spec,
        "2024-01-01T00:00:00Z",
        "main",
        Map.of(),
        workspace,
        session,
        null,
        List.of(),
        "host",
        "/box");
  }

  ChainTarget resolve(Optional<String> explicit, Optional<LastChainMarker> marker, CloudConfig c) {
    return ChainTarget.resolve(explicit, marker, c, new TranslatingProvider());
  }

  @Test
  void anExplicitRemoteSpecWinsOverMarkerAndModeChain() {
    ChainTarget target = resolve(Optional.of("/srv//x/./chain.yaml"), MARKER, CHAIN_MODE);
    assertEquals("/srv/x/chain.yaml", target.remoteSpec());
    assertEquals("remote_spec_option", target.source());
  }

  @Test
  void theLocalMarkerWinsOverModeChain() {
    ChainTarget target = resolve(Optional.empty(), MARKER, CHAIN_MODE);
    assertEquals("/box/m/app/chain.yaml", target.remoteSpec());
    assertEquals("marker", target.source());
  }

  @Test
  void modeChainSpecIsTranslatedToABoxPath() {
    ChainTarget target = resolve(Optional.empty(), Optional.empty(), CHAIN_MODE);
    assertEquals("/box/app/mode.yaml", target.remoteSpec());
    assertEquals("chain.spec", target.source());
  }

  @Test
  void aMarkerWithoutRemoteSpecFallsThroughButIsKept() {
    Optional<LastChainMarker> noSpec = Optional.of(marker(null, "/w", "s"));
    ChainTarget target = resolve(Optional.empty(), noSpec, CHAIN_MODE);
    assertEquals("/box/app/mode.yaml", target.remoteSpec());
    assertEquals("chain.spec", target.source());
    assertEquals(noSpec, target.marker());
    CloudException e =
        assertThrows(CloudException.class, () -> resolve(Optional.empty(), noSpec, IDLE));
    assertEquals(ErrorCode.MISSING_REMOTE_SPEC, e.code());
  }

  @Test
  void nothingToGoOnIsMissingRemoteSpecWithTheSpecMessage() {
    CloudException e =
        assertThrows(CloudException.class, () -> resolve(Optional.empty(), Optional.empty(), IDLE));
    assertEquals(ErrorCode.MISSING_REMOTE_SPEC, e.code());
    assertEquals(
        "Pass --remote-spec <path>, run `cloud chain <spec>` first, or set mode: chain in"
            + " cloud.yaml",
        e.getMessage());
  }

  @Test
  void aRelativeRemoteSpecIsInvalidArgs() {
    CloudException e =
        assertThrows(
            CloudException.class, () -> resolve(Optional.of("chain.yaml"), Optional.empty(), IDLE));
    assertEquals(ErrorCode.INVALID_ARGS, e.code());
  }
}
