package dev.megaplan.cloud.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainStatePathTest {
  private static final String CHAINS = "/workspace/app/.megaplan/plans/.chains/";

  @Test
  void statePathIsTheHashedFileBesideTheSpec() {
    assertEquals(
        CHAINS + "chain-31aeaa26cfe5.json", ChainStatePath.statePath("/workspace/app/chain.yaml"));
  }

  @Test
  void legacyStatePathIsChainStateJsonInTheSpecDirectory() {
    assertEquals(
        "/workspace/app/chain_state.json",
        ChainStatePath.legacyStatePath("/workspace/app/chain.yaml"));
  }

  @Test
  void runtimePolicyPathSharesTheStateFilesStemAndDigest() {
    assertEquals(
        CHAINS + "chain-31aeaa26cfe5.runtime_policy.json",
        ChainStatePath.runtimePolicyPath("/workspace/app/chain.yaml"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/workspace/app/./chain.yaml",
        "/workspace/other/../app/chain.yaml",
        "//workspace//app///chain.yaml",
        "/workspace/app/sub/.././chain.yaml",
        "/../workspace/app/chain.yaml",
        "/workspace/app/chain.yaml/"
      })
  void specPathIsNormalizedLexicallyBeforeHashing(String unnormalized) {
    assertEquals("/workspace/app/chain.yaml", ChainStatePath.normalize(unnormalized));
    assertEquals(CHAINS + "chain-31aeaa26cfe5.json", ChainStatePath.statePath(unnormalized));
  }

  @Test
  void legacyPathUsesTheNormalizedDirectory() {
    assertEquals(
        "/workspace/app/chain_state.json",
        ChainStatePath.legacyStatePath("/workspace/x/../app//chain.yaml"));
  }

  @Test
  void spacesInDirectoryAndFileNamesAreKeptAndHashed() {
    assertEquals(
        "/workspace/my app/.megaplan/plans/.chains/chain spec-304369258a7d.json",
        ChainStatePath.statePath("/workspace/my app/chain spec.yaml"));
  }

  @Test
  void unicodeNamesAreHashedAsUtf8() {
    String dir = "/workspace/\u00fcn\u00efc\u00f8d\u00e9";
    assertEquals(
        dir + "/.megaplan/plans/.chains/\u65e5\u672c\u8a9e-c80ce0065d57.json",
        ChainStatePath.statePath(dir + "/\u65e5\u672c\u8a9e.yaml"));
  }

  @Test
  void aFileWithoutExtensionIsItsOwnStem() {
    assertEquals(
        CHAINS + "chain-7ae70bb72100.json", ChainStatePath.statePath("/workspace/app/chain"));
  }

  @Test
  void onlyTheLastExtensionIsRemovedFromTheStem() {
    assertEquals(
        CHAINS + "my.chain.v2-cfbf0eafd401.json",
        ChainStatePath.statePath("/workspace/app/my.chain.v2.yaml"));
  }

  @Test
  void aLeadingDotDoesNotStartAnExtension() {
    assertEquals(
        CHAINS + ".chain-27527c5aeae7.json", ChainStatePath.statePath("/workspace/app/.chain"));
  }

  @Test
  void aSpecAtTheRootKeepsItsStateUnderTheRoot() {
    assertEquals(
        "/.megaplan/plans/.chains/chain-4f711fdc27cc.json",
        ChainStatePath.statePath("/chain.yaml"));
    assertEquals("/chain_state.json", ChainStatePath.legacyStatePath("/chain.yaml"));
  }

  @Test
  void aRelativeSpecPathIsRejected() {
    CloudException e =
        assertThrows(CloudException.class, () -> ChainStatePath.statePath("app/chain.yaml"));
    assertEquals(ErrorCode.INVALID_ARGS, e.code());
    assertEquals("app/chain.yaml", e.context().get("remote_spec"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "//", "/..", "/workspace/.."})
  void aPathNamingTheRootIsRejected(String root) {
    CloudException e = assertThrows(CloudException.class, () -> ChainStatePath.statePath(root));
    assertEquals(ErrorCode.INVALID_ARGS, e.code());
  }
}
