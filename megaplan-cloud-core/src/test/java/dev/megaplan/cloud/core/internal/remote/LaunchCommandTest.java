package dev.megaplan.cloud.core.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LaunchCommandTest {
  static final String SESSION = "megaplan-chain-Epic_x-1234abcd";
  Box box;
  String ws;
  String spec;
  String marker;
  String log;

  @BeforeEach
  void setUp() throws Exception {
    box = new Box();
    ws = box.root.resolve("work space/it's app").toString();
    Files.createDirectories(Path.of(ws));
    spec = ws + "/chain \"1\".yaml";
    marker = box.root.resolve(".megaplan/cloud-sessions/" + SESSION + ".json").toString();
    log = ws + "/.megaplan/cloud-chain-" + SESSION + ".log";
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  LaunchCommand launch(String digest) {
    ChainCommand chain =
        new ChainCommand(
            box.fakeLauncher(),
            spec,
            log,
            true,
            false,
            Optional.of(new MegaplanRefresh(Optional.empty(), "main", box.root + "/arnold src")));
    return new LaunchCommand(box.tmux, SESSION, ws, digest, "épic", marker, chain);
  }

  JsonNode marker() throws Exception {
    return Json.mapper().readTree(Files.readString(Path.of(marker)));
  }

  @Test
  void launchStartsTheSessionAndWritesTheMarker() throws Exception {
    ExecResult result = box.exec(launch("abcdef0123").render());

    assertEquals(
        LaunchCommand.Outcome.STARTED, LaunchCommand.parse(result).outcome(), result.toString());
    assertTrue(box.hasSession(SESSION));
    JsonNode m = marker();
    assertEquals(SESSION, m.get("session").asText());
    assertEquals(ws, m.get("workspace").asText());
    assertEquals(spec, m.get("remote_spec").asText());
    assertEquals("abcdef0123", m.get("identity_digest").asText());
    assertEquals("épic", m.get("chain_slug").asText());
    assertTrue(m.get("started_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    String logText = awaitLog("chain-args");
    assertTrue(
        logText.contains("chain-args: chain start --spec " + spec + " --no-git-refresh"), logText);
    assertFalse(logText.contains("--one"), logText);
    assertTrue(logText.contains("trusted=1"), logText);
    assertTrue(logText.contains("megaplan clone missing at " + box.root + "/arnold src"), logText);
  }

  @Test
  void relaunchOfTheSameChainSaysAlreadyRunningAndStartsNothing() throws Exception {
    box.exec(launch("abcdef0123").render());
    String pid = box.panePid(SESSION);
    String before = Files.readString(Path.of(marker));

    ExecResult again = box.exec(launch("abcdef0123").render());

    assertEquals(
        LaunchCommand.Outcome.ALREADY_RUNNING,
        LaunchCommand.parse(again).outcome(),
        again.toString());
    assertEquals(pid, box.panePid(SESSION));
    assertEquals(before, Files.readString(Path.of(marker)));
    assertEquals("1", box.tmux("list-sessions -F x | wc -l").stdout().strip());
  }

  @Test
  void launchRefusesAForeignSessionAndLeavesItRunning() throws Exception {
    box.exec(launch("abcdef0123").render());
    String pid = box.panePid(SESSION);

    ExecResult foreign = box.exec(launch("9999999999").render());

    assertEquals(LaunchCommand.COLLISION_EXIT, foreign.exitCode());
    LaunchCommand.Result parsed = LaunchCommand.parse(foreign);
    assertEquals(LaunchCommand.Outcome.COLLISION, parsed.outcome());
    assertTrue(parsed.detail().contains("refusing to disturb it"), parsed.detail());
    assertEquals(pid, box.panePid(SESSION));
    assertEquals("abcdef0123", marker().get("identity_digest").asText());
  }

  @Test
  void sessionNamesTmuxWouldRewriteAreRejected() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            new LaunchCommand(
                box.tmux, "megaplan-chain-a.b", ws, "d", "s", marker, launch("d").chain()));
  }

  @Test
  void failedStartIsReportedAsFailed() {
    ExecResult result =
        box.exec(
            new LaunchCommand("false", SESSION, ws, "d", "s", marker, launch("d").chain())
                .render());
    assertEquals(LaunchCommand.Outcome.FAILED, LaunchCommand.parse(result).outcome());
    assertFalse(Files.exists(Path.of(marker)), "a failed start leaves no marker");
  }

  String awaitLog(String needle) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (Files.exists(Path.of(log))) {
        String text = Files.readString(Path.of(log));
        if (text.contains(needle)) {
          return text;
        }
      }
      Thread.sleep(50);
    }
    return Files.exists(Path.of(log)) ? Files.readString(Path.of(log)) : "<no log>";
  }
}
