package dev.megaplan.cloud.core.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutionContextTest {
  static final TranslatingProvider PROVIDER = new TranslatingProvider();
  static final CloudConfig PLAIN =
      CloudConfig.builder().repo(RepoConfig.builder().url("u").build()).build();
  static final CloudConfig WITH_SESSION =
      CloudConfig.builder()
          .repo(RepoConfig.builder().url("u").build())
          .chainSession("yaml-session")
          .extraRepos(List.of(RepoConfig.builder().url("e").workspace("/workspace/extra").build()))
          .build();
  static final ChainState STATE =
      ChainState.builder()
          .resolvedWorkspace("/state/ws")
          .chainSession("state-session")
          .extraRepos(List.of("/state/extra", "/box/extra"))
          .build();
  static final LastChainMarker MARKER =
      new LastChainMarker(
          "/m/app/chain.yaml",
          "t",
          "main",
          Map.of(),
          "/marker/ws",
          "marker-session",
          "/marker/ws/.megaplan/recorded.log",
          List.of(Map.of("url", "x", "branch", "main", "workspace", "/marker/extra")),
          "host",
          "/box");

  @Test
  void theStateWinsForWorkspaceAndSession() {
    ExecutionContext c =
        ExecutionContext.resolve(
            STATE, Optional.of(MARKER), "/s/chain.yaml", WITH_SESSION, PROVIDER);
    assertEquals("/state/ws", c.workspace());
    assertEquals("chain_state", c.workspaceSource());
    assertEquals("state-session", c.session());
    assertEquals("chain_state", c.sessionSource());
  }

  @Test
  void theMarkerComesNext() {
    ExecutionContext c =
        ExecutionContext.resolve(
            ChainState.empty(), Optional.of(MARKER), "/s/chain.yaml", WITH_SESSION, PROVIDER);
    assertEquals("/marker/ws", c.workspace());
    assertEquals("marker", c.workspaceSource());
    assertEquals("marker-session", c.session());
    assertEquals("marker", c.sessionSource());
    assertEquals("/marker/ws/.megaplan/recorded.log", c.chainLog(Optional.of(MARKER)));
  }

  @Test
  void thenTheSpecsParentAndTheConfiguredSession() {
    ExecutionContext c =
        ExecutionContext.resolve(
            ChainState.empty(), Optional.empty(), "/s/app/chain.yaml", WITH_SESSION, PROVIDER);
    assertEquals("/s/app", c.workspace());
    assertEquals("remote_spec", c.workspaceSource());
    assertEquals("yaml-session", c.session());
    assertEquals("spec", c.sessionSource());
    assertEquals("/s/app/.megaplan/cloud-chain-yaml-session.log", c.chainLog(Optional.empty()));
  }

  @Test
  void aSpecAtTheRootFallsBackToTheTranslatedRepoWorkspaceAndTheDefaultSession() {
    ExecutionContext c =
        ExecutionContext.resolve(
            ChainState.empty(), Optional.empty(), "/chain.yaml", PLAIN, PROVIDER);
    assertEquals("/box/app", c.workspace());
    assertEquals("spec", c.workspaceSource());
    assertEquals("megaplan-chain", c.session());
    assertEquals("default", c.sessionSource());
    assertEquals("/box/app/.megaplan/cloud-chain.log", c.chainLog(Optional.empty()));
  }

  @Test
  void extraReposAreTheUnionInOrderWithoutDuplicates() {
    ExecutionContext c =
        ExecutionContext.resolve(
            STATE, Optional.of(MARKER), "/s/chain.yaml", WITH_SESSION, PROVIDER);
    assertEquals(List.of("/box/extra", "/state/extra", "/marker/extra"), c.extraRepos());
    assertEquals(List.of("spec", "chain_state", "marker"), c.extraRepoSources());
  }

  @Test
  void theResolvedContextHasThePythonToolsShape() {
    Map<String, Object> described =
        ExecutionContext.resolve(
                STATE, Optional.of(MARKER), "/s/chain.yaml", WITH_SESSION, PROVIDER)
            .describe("/s/chain.yaml", "marker");
    assertEquals(
        List.of("workspace", "chain_session", "extra_repos", "remote_spec", "source"),
        List.copyOf(described.keySet()));
    assertEquals("state-session", described.get("chain_session"));
    assertEquals(
        Map.of(
            "workspace", "chain_state",
            "session", "chain_state",
            "extra_repos", List.of("spec", "chain_state", "marker"),
            "remote_spec", "marker"),
        described.get("source"));
  }

  @Test
  void theMarkersChainLogIsUsedOnlyForTheRunnerItDescribes() {
    ExecutionContext c =
        ExecutionContext.resolve(STATE, Optional.of(MARKER), "/s/chain.yaml", PLAIN, PROVIDER);
    assertEquals(
        "/state/ws/.megaplan/cloud-chain-state-session.log", c.chainLog(Optional.of(MARKER)));
  }

  @Test
  void aStateWorkspaceThatIsNotANormalisedAbsolutePathIsRefusedBeforeAnyCommand() {
    for (String hostile : List.of("relative/ws", "/w/../etc", "/w/a\nb", "/w/\u001b[31m")) {
      ChainState state = ChainState.builder().resolvedWorkspace(hostile).build();
      CloudException e =
          assertThrows(
              CloudException.class,
              () ->
                  ExecutionContext.resolve(
                      state, Optional.of(MARKER), "/s/chain.yaml", PLAIN, PROVIDER));
      assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
      assertTrue(
          e.getMessage()
              .startsWith("The chain state's resolved_workspace " + JsonLiteral.of(hostile)),
          e.getMessage());
      assertTrue(
          e.getMessage()
              .endsWith(
                  "; refusing to use it in any command on the box (correct or"
                      + " remove it in the chain state)"),
          e.getMessage());
      assertFalse(e.getMessage().contains("\n"), "the message carries the raw line break");
    }
  }

  @Test
  void aStateWorkspaceWithTmuxFormatsIsUsedAsWritten() {
    // no command gives a directory to tmux, so '#(' in a path is just a character
    ChainState state = ChainState.builder().resolvedWorkspace("/w/d#(touch /tmp/c)").build();
    ExecutionContext c =
        ExecutionContext.resolve(state, Optional.empty(), "/s/chain.yaml", PLAIN, PROVIDER);
    assertEquals("/w/d#(touch /tmp/c)", c.workspace());
  }

  @Test
  void aStateSessionOutsideTheSafeSetIsRefused() {
    ChainState state = ChainState.builder().chainSession("x#(touch /tmp/c)").build();
    CloudException e =
        assertThrows(
            CloudException.class,
            () ->
                ExecutionContext.resolve(
                    state, Optional.empty(), "/s/chain.yaml", PLAIN, PROVIDER));
    assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
    assertEquals(
        "The chain state's chain_session \"x#(touch /tmp/c)\" must use only ASCII letters, digits,"
            + " '_' and '-' (tmux expands '#' and rewrites '.' and ':'), found '#' (U+0023) at"
            + " position 1; refusing to use it in any command on the box (correct or remove it in"
            + " the chain state)",
        e.getMessage());
  }
}
