package dev.megaplan.cloud.core.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.shell.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestartCommandTest {
  static final String SESSION = "megaplan-chain-U_x-1234abcd";
  Box box;
  String ws;
  String spec;
  String marker;
  String log;
  ChainCommand chain;

  @BeforeEach
  void setUp() throws Exception {
    box = new Box();
    ws = box.root.resolve("ws 'x' ü").toString();
    Files.createDirectories(Path.of(ws));
    spec = ws + "/chain $(x).yaml";
    marker = box.root.resolve(".megaplan/cloud-sessions/" + SESSION + ".json").toString();
    log = ws + "/.megaplan/cloud-chain-" + SESSION + ".log";
    chain = new ChainCommand(box.fakeLauncher(), spec, log, false, false, Optional.empty());
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  RestartCommand restart(boolean observedAlive) {
    return new RestartCommand(
        box.tmux,
        SESSION,
        ws,
        marker,
        chain,
        observedAlive,
        Optional.of("abcdef0123"),
        Optional.of("ü"));
  }

  void launch() {
    ExecResult r =
        box.exec(
            new LaunchCommand(box.tmux, SESSION, ws, "abcdef0123", "ü", marker, chain).render());
    assertEquals(LaunchCommand.Outcome.STARTED, LaunchCommand.parse(r).outcome(), r.toString());
  }

  JsonNode marker() throws Exception {
    return Json.mapper().readTree(Files.readString(Path.of(marker)));
  }

  @Test
  void deadRunnerIsRestartedOneShotKeepingTheMarkerIdentity() throws Exception {
    launch();
    String startedAt = marker().get("started_at").asText();
    box.tmux("kill-server");

    ExecResult result = box.exec(restart(false).render());

    assertEquals(
        RestartCommand.Outcome.RESTARTED,
        RestartCommand.parse(result).outcome(),
        result.toString());
    assertTrue(box.hasSession(SESSION));
    JsonNode m = marker();
    assertEquals("abcdef0123", m.get("identity_digest").asText());
    assertEquals(spec, m.get("remote_spec").asText());
    assertEquals(startedAt, m.get("started_at").asText());
    assertTrue(m.has("restarted_at"));
    String wanted = "--spec " + spec + " --one";
    assertTrue(awaitLog(wanted).contains(wanted), awaitLog());
  }

  @Test
  void secondRestartReplacesRestartedAtInsteadOfDuplicatingIt() throws Exception {
    launch();
    box.tmux("kill-server");
    box.exec(restart(false).render());
    box.tmux("kill-server");
    box.exec(restart(false).render());

    String text = Files.readString(Path.of(marker));
    assertEquals(1, Pattern.compile("restarted_at").matcher(text).results().count(), text);
    assertEquals("abcdef0123", marker().get("identity_digest").asText());
  }

  @Test
  void missingMarkerIsWrittenFreshForADeadRunner() throws Exception {
    ExecResult result = box.exec(restart(false).render());

    assertEquals(
        RestartCommand.Outcome.RESTARTED,
        RestartCommand.parse(result).outcome(),
        result.toString());
    assertEquals("abcdef0123", marker().get("identity_digest").asText());
    assertEquals(ws, marker().get("workspace").asText());
  }

  @Test
  void markerForAnotherSpecRefusesAndLeavesTheSessionAlone() throws Exception {
    launch();
    String pid = box.panePid(SESSION);
    Files.writeString(
        Path.of(marker), "{\"session\": \"x\", \"remote_spec\": \"/other/chain.yaml\"}\n");

    ExecResult result = box.exec(restart(true).render());

    assertEquals(RestartCommand.MARKER_MISMATCH_EXIT, result.exitCode());
    RestartCommand.Result parsed = RestartCommand.parse(result);
    assertEquals(RestartCommand.Outcome.MARKER_MISMATCH, parsed.outcome());
    assertEquals(
        "ERROR: " + SESSION + " session marker does not match " + spec + "; refusing restart",
        parsed.detail());
    assertEquals(pid, box.panePid(SESSION));
  }

  @Test
  void runnerAliveAtTheRecheckIsAlreadyRestarted() {
    launch();
    String pid = box.panePid(SESSION);

    ExecResult result = box.exec(restart(false).render());

    assertEquals(
        RestartCommand.Outcome.ALREADY_RESTARTED,
        RestartCommand.parse(result).outcome(),
        result.toString());
    assertEquals(pid, box.panePid(SESSION));
  }

  @Test
  void liveRunnerWithMatchingMarkerIsKilledAndRestartedWhenTheDecisionSawItAlive() {
    launch();
    String pid = box.panePid(SESSION);

    ExecResult result = box.exec(restart(true).render());

    assertEquals(
        RestartCommand.Outcome.RESTARTED,
        RestartCommand.parse(result).outcome(),
        result.toString());
    assertTrue(box.hasSession(SESSION));
    assertNotEquals(pid, box.panePid(SESSION));
  }

  @Test
  void heldLockReportsLockedAndTouchesNothing() throws Exception {
    Path lock = Path.of(restart(false).lockPath());
    Files.createDirectories(lock.getParent());
    Process holder = new ProcessBuilder("flock", lock.toString(), "sleep", "30").start();
    try {
      awaitLockHeld(lock);
      ExecResult result = box.exec(restart(false).render());

      assertEquals(RestartCommand.LOCKED_EXIT, result.exitCode());
      assertEquals(RestartCommand.Outcome.LOCKED, RestartCommand.parse(result).outcome());
      assertFalse(box.hasSession(SESSION));
      assertFalse(Files.exists(Path.of(marker)));
    } finally {
      holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void lockIsReleasedAfterARestartThatStartedTheTmuxServer() {
    ExecResult result = box.exec(restart(false).render());
    assertEquals(
        RestartCommand.Outcome.RESTARTED,
        RestartCommand.parse(result).outcome(),
        result.toString());
    assertTrue(box.hasSession(SESSION), "the new server keeps running");

    ProcessRunner.Result probe =
        ProcessRunner.run(
            List.of("flock", "-n", restart(false).lockPath(), "true"),
            null,
            Map.of(),
            Duration.ofSeconds(10));
    assertEquals(0, probe.exitCode(), "lock still held: " + probe);
  }

  @Test
  void twentyConcurrentRestartsRestartExactlyOnce() throws Exception {
    String script = restart(false).render();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<ExecResult>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        futures.add(pool.submit(() -> box.exec(script)));
      }
      List<RestartCommand.Outcome> outcomes = new ArrayList<>();
      for (Future<ExecResult> f : futures) {
        outcomes.add(RestartCommand.parse(f.get(90, TimeUnit.SECONDS)).outcome());
      }
      assertEquals(
          1,
          outcomes.stream().filter(o -> o == RestartCommand.Outcome.RESTARTED).count(),
          outcomes.toString());
      assertTrue(
          outcomes.stream()
              .allMatch(
                  o ->
                      o == RestartCommand.Outcome.RESTARTED
                          || o == RestartCommand.Outcome.LOCKED
                          || o == RestartCommand.Outcome.ALREADY_RESTARTED),
          outcomes.toString());
      assertEquals("1", box.tmux("list-sessions -F x | wc -l").stdout().strip());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void restartTextHasNoGitVerbAndNeverNamesTheStateFile() {
    String text = restart(false).render();
    assertFalse(Pattern.compile("\\bgit\\b").matcher(text).find(), text);
    assertFalse(text.contains(".chains"), text);
    assertFalse(text.contains("chain_state"), text);
  }

  void awaitLockHeld(Path lock) throws Exception {
    for (int i = 0; i < 100; i++) {
      ProcessRunner.Result r =
          ProcessRunner.run(
              List.of("flock", "-n", lock.toString(), "true"),
              null,
              Map.of(),
              Duration.ofSeconds(5));
      if (r.exitCode() != 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("lock holder never took the lock");
  }

  String awaitLog() throws Exception {
    return awaitLog("chain-args");
  }

  /** Waits (up to 5 s) until the chain log contains a needle; the restart appends to it. */
  String awaitLog(String needle) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (Files.exists(Path.of(log)) && Files.readString(Path.of(log)).contains(needle)) {
        break;
      }
      Thread.sleep(50);
    }
    return Files.exists(Path.of(log)) ? Files.readString(Path.of(log)) : "<no log>";
  }
}
