package dev.megaplan.cloud.core.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.core.internal.remote.ChainsListCommand.ListedChain;
import dev.megaplan.cloud.core.internal.remote.ChainsListCommand.MarkerStatus;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChainsListCommandTest {
  Box box;
  String markerDir;

  @BeforeEach
  void setUp() {
    box = new Box();
    markerDir = box.root.resolve(".megaplan/cloud-sessions").toString();
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  @Test
  void noTmuxServerIsAnEmptyList() {
    assertEquals(List.of(), list(new ChainsListCommand(box.tmux, markerDir)));
  }

  @Test
  void chainSessionsAreListedWithTheirMarkers() {
    for (String s :
        List.of("megaplan-chain-a_1", "megaplan-chain-b", "megaplan-chain-c", "other")) {
      box.tmux("new-session -d -s " + ShellQuote.quote(s) + " 'sleep 30'");
    }
    box.write(
        ".megaplan/cloud-sessions/megaplan-chain-a_1.json",
        "{\"workspace\": \"/w/ü 'x'\", \"identity_digest\": \"abc\"}");
    box.write(".megaplan/cloud-sessions/megaplan-chain-b.json", "not json {");

    List<ListedChain> chains = list(new ChainsListCommand(box.tmux, markerDir));

    assertEquals(3, chains.size(), chains.toString());
    ListedChain a = find(chains, "megaplan-chain-a_1");
    assertEquals(MarkerStatus.PRESENT, a.markerStatus());
    assertEquals(Optional.of("/w/ü 'x'"), a.field("workspace"));
    assertEquals(Optional.of("abc"), a.field("identity_digest"));
    assertEquals(markerDir + "/megaplan-chain-a_1.json", a.markerPath());
    assertEquals(Optional.empty(), a.markerError());
    ListedChain b = find(chains, "megaplan-chain-b");
    assertEquals(MarkerStatus.INVALID, b.markerStatus());
    assertTrue(b.markerError().orElseThrow().startsWith("not valid JSON: "), b.toString());
    ListedChain c = find(chains, "megaplan-chain-c");
    assertEquals(MarkerStatus.MISSING, c.markerStatus());
    assertEquals(markerDir + "/megaplan-chain-c.json", c.markerPath());
  }

  @Test
  void aMarkerThatIsNotAnObjectIsInvalidAndSaysSo() {
    box.tmux("new-session -d -s megaplan-chain-x 'sleep 30'");
    box.write(".megaplan/cloud-sessions/megaplan-chain-x.json", "[1, 2]");
    ListedChain x = find(list(new ChainsListCommand(box.tmux, markerDir)), "megaplan-chain-x");
    assertEquals(MarkerStatus.INVALID, x.markerStatus());
    assertEquals(Optional.of("not a JSON object"), x.markerError());
  }

  private List<ListedChain> list(ChainsListCommand command) {
    return command.parse(box.exec(command.render()));
  }

  @Test
  void aSessionWithAnUnsafeNameIsListedButItsNameGoesIntoNoPath() {
    // someone else's session on the box: its '/' would lead the marker read into a subdirectory
    String unsafe = "megaplan-chain-x/planted";
    box.tmux("new-session -d -s " + ShellQuote.quote(unsafe) + " 'sleep 30'");
    box.write(".megaplan/cloud-sessions/megaplan-chain-x/planted.json", "{\"workspace\": \"/p\"}");

    List<ListedChain> chains = list(new ChainsListCommand(box.tmux, markerDir));

    ListedChain listed = find(chains, unsafe);
    assertEquals(MarkerStatus.INVALID, listed.markerStatus());
    assertEquals(Optional.empty(), listed.marker());
    assertTrue(
        listed.markerError().orElseThrow().startsWith("not read: the session name must use only "));
  }

  @Test
  void aTmuxThatCannotRunIsAProviderFailure() {
    assertThrows(
        CloudException.class, () -> list(new ChainsListCommand("/nonexistent/tmux", markerDir)));
  }

  static ListedChain find(List<ListedChain> chains, String session) {
    return chains.stream().filter(c -> c.session().equals(session)).findFirst().orElseThrow();
  }
}
