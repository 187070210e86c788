package dev.megaplan.cloud.core.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    assertEquals(
        List.of(),
        ChainsListCommand.parse(box.exec(new ChainsListCommand(box.tmux, markerDir).render())));
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

    List<ListedChain> chains =
        ChainsListCommand.parse(box.exec(new ChainsListCommand(box.tmux, markerDir).render()));

    assertEquals(3, chains.size(), chains.toString());
    ListedChain a = find(chains, "megaplan-chain-a_1");
    assertEquals(MarkerStatus.PRESENT, a.markerStatus());
    assertEquals(Optional.of("/w/ü 'x'"), a.field("workspace"));
    assertEquals(Optional.of("abc"), a.field("identity_digest"));
    assertEquals(MarkerStatus.INVALID, find(chains, "megaplan-chain-b").markerStatus());
    assertEquals(MarkerStatus.MISSING, find(chains, "megaplan-chain-c").markerStatus());
  }

  @Test
  void aSessionWithAnUnsafeNameIsListedButItsNameGoesIntoNoPath() {
    // someone else's session on the box: its '/' would lead the marker read into a subdirectory
    String unsafe = "megaplan-chain-x/planted";
    box.tmux("new-session -d -s " + ShellQuote.quote(unsafe) + " 'sleep 30'");
    box.write(".megaplan/cloud-sessions/megaplan-chain-x/planted.json", "{\"workspace\": \"/p\"}");

    List<ListedChain> chains =
        ChainsListCommand.parse(box.exec(new ChainsListCommand(box.tmux, markerDir).render()));

    ListedChain listed = find(chains, unsafe);
    assertEquals(MarkerStatus.INVALID, listed.markerStatus());
    assertEquals(Optional.empty(), listed.marker());
  }

  @Test
  void aTmuxThatCannotRunIsAProviderFailure() {
    assertThrows(
        CloudException.class,
        () ->
            ChainsListCommand.parse(
                box.exec(new ChainsListCommand("/nonexistent/tmux", markerDir).render())));
  }

  static ListedChain find(List<ListedChain> chains, String session) {
    return chains.stream().filter(c -> c.session().equals(session)).findFirst().orElseThrow();
  }
}
