package dev.megaplan.cloud.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The state path formula of spec 02 and the hand-written SHA-1 behind it. */
class ChainStatePathTest {
  @Test
  void theStateOfWorkspaceAppChainYamlHasTheSpecifiedPath() {
    assertEquals(
        Path.of("/workspace/app/.megaplan/plans/.chains/chain-31aeaa26cfe5.json"),
        ChainStatePath.forSpec(Path.of("/workspace/app/chain.yaml")));
  }

  @Test
  void aSpecPathIsMadeAbsoluteAndNormalizedLexically() {
    assertEquals(
        Path.of("/workspace/app/chain.yaml"),
        ChainStatePath.absoluteSpec("../app/./chain.yaml", Path.of("/workspace/app")));
    assertEquals(
        Path.of("/workspace/app/chain.yaml"),
        ChainStatePath.absoluteSpec("/workspace//app/x/../chain.yaml", Path.of("/elsewhere")));
  }

  @Test
  void theStemDropsOnlyTheLastExtension() {
    assertEquals(
        "my.chain-" + ChainStatePath.sha1Hex("/w/my.chain.yml").substring(0, 12) + ".json",
        ChainStatePath.forSpec(Path.of("/w/my.chain.yml")).getFileName().toString());
    assertEquals(
        "chain-" + ChainStatePath.sha1Hex("/w/chain").substring(0, 12) + ".json",
        ChainStatePath.forSpec(Path.of("/w/chain")).getFileName().toString());
  }

  @Test
  void sha1MatchesTheJdkForEveryLengthAroundTheBlockBoundaries() throws Exception {
    Random random = new Random(42);
    for (int length = 0; length < 300; length++) {
      byte[] message = new byte[length];
      random.nextBytes(message);
      assertArrayEquals(
          MessageDigest.getInstance("SHA-1").digest(message),
          Sha1.digest(message),
          "length " + length);
    }
  }

  @Test
  void sha1HexHashesTheUtf8Bytes() throws Exception {
    String path = "/home/ünï €/chain.yaml";
    byte[] expected =
        MessageDigest.getInstance("SHA-1").digest(path.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte b : expected) {
      hex.append(String.format("%02x", b));
    }
    assertEquals(hex.toString(), ChainStatePath.sha1Hex(path));
  }
}
