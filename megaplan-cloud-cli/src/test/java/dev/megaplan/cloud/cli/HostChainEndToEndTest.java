package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.testkit.EmulatorLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default end to end, through the command line: a real host box (this machine's bash,
 * tmux and git), the megaplan emulator as launcher, a three-milestone chain.
 */
class HostChainEndToEndTest {
  @TempDir Path dir;
  Path root;
  Path project;
  Path standIns;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    root = dir.resolve("box");
    project = dir.resolve("project");
    standIns = dir.resolve("bin");
    Files.createDirectories(project.resolve("briefs"));
    Files.createDirectories(standIns);
    Path origin = dir.resolve("origin");
    run(List.of("git", "init", "-q", "-b", "main", origin.toString()));
    run(
        List.of(
            "git",
            "-C",
            origin.toString(),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.invalid",
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "initial"));
    env.put("PATH", standIns + ":" + System.getenv("PATH"));
    env.put("HOME", dir.resolve("home").toString());
    env.put("LANG", "C.UTF-8");
    Files.writeString(
        project.resolve("cloud.yaml"),
        "provider: host\n"
            + "repo:\n  url: "
            + origin
            + "\n  branch: main\n"
            + "agents: {default: hermes}\n"
            + "megaplan:\n  command: \""
            + EmulatorLauncher.command().replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"\n"
            + "host:\n  root: "
            + root
            + "\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    CliRun.in(project, env, "", "down");
    Path socket = root.resolve(".megaplan/tmux.sock");
    if (Files.exists(socket)) {
      run(List.of("tmux", "-S", socket.toString(), "kill-server"));
    }
  }

  private void chainSpec(String extra, int stepMs) throws IOException {
    chainSpec(extra, stepMs, "");
  }

  /** The chain; {@code scenario} adds lines to the emulator block (e.g. a held milestone). */
  private void chainSpec(String extra, int stepMs, String scenario) throws IOException {
    Files.writeString(
        project.resolve("briefs/chain.yaml"),
        "milestones:\n"
            + "  - {label: m1, idea: m1.md}\n"
            + "  - {label: m2, idea: m2.md}\n"
            + "  - {label: m3, idea: m3.md}\n"
            + extra
            + "emulator:\n  step_ms: "
            + stepMs
            + "\n"
            + scenario);
    for (String m : List.of("m1", "m2", "m3")) {
      Files.writeString(project.resolve("briefs/" + m + ".md"), "# " + m + "\n");
    }
  }

  private CliRun cli(String... args) {
    return CliRun.in(project, env, "", args);
  }

  private JsonNode statusUntil(Predicate<JsonNode> done, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      CliRun status = cli("status", "--chain");
      if (status.exit == 0) {
        last = status.json();
        if (done.test(last)) {
          return last;
        }
      }
      Thread.sleep(200);
    }
    fail("status never matched; last: " + last);
    return last;
  }

  private static Predicate<JsonNode> effective(String status) {
    return json -> status.equals(json.path("effective_status").asText());
  }

  private String session(CliRun launch) {
    return launch.json().path("tmux").path("session").asText();
  }

  private void killRunner(String session) throws Exception {
    run(
        List.of(
            "tmux",
            "-S",
            root.resolve(".megaplan/tmux.sock").toString(),
            "kill-session",
            "-t",
            "=" + session));
  }

  @Test
  void aChainLaunchesRunsAndCompletesAndAKilledRunnerIsStaleUntilSupervised() throws Exception {
    // long enough per milestone that the chain still runs after the launch's verification wait
    chainSpec("", 4000);
    CliRun launch = cli("chain", "briefs/chain.yaml");
    assertEquals(0, launch.exit, launch.toString());
    assertEquals("cloud_chain_launched", launch.json().path("event").asText());

    statusUntil(effective("running"), Duration.ofSeconds(20));
    killRunner(session(launch));
    JsonNode stale = statusUntil(effective("stale_bookkeeping"), Duration.ofSeconds(20));
    assertEquals("dead", stale.path("runner").path("status").asText());

    CliRun tick = cli("supervise", "--chain");
    assertEquals(0, tick.exit, tick.toString());
    assertEquals("supervisor_restarted", tick.json().path("event").asText());
    assertTrue(tick.json().path("acted").asBoolean());
    assertEquals("failed", tick.json().path("sync_refresh").path("status").asText());
    assertTrue(tick.err.startsWith("supervisor tick: supervisor_restarted | acted=true"), tick.err);

    superviseUntilDone(Duration.ofSeconds(90));
    JsonNode complete = statusUntil(effective("complete"), Duration.ofSeconds(5));
    assertEquals(3, complete.path("chain_state").path("current_milestone_index").asInt());
  }

  @Test
  void aLiveRunnerIsLeftAlone() throws Exception {
    chainSpec("", 200, "  hold: m1\n"); // m1 runs until the test ends, however slow the machine
    CliRun launch = cli("chain", "briefs/chain.yaml");
    assertEquals(0, launch.exit, launch.toString());
    statusUntil(effective("running"), Duration.ofSeconds(20));
    CliRun tick = cli("supervise", "--chain", "--record", "tick.json");
    assertEquals(0, tick.exit, tick.toString());
    assertEquals("noop", tick.json().path("next_action").asText());
    assertEquals(false, tick.json().path("acted").asBoolean());

    CliRun replay = cli("supervise", "--chain", "--replay", "tick.json");
    assertEquals(0, replay.exit, replay.toString());
    assertEquals("noop", replay.json().path("next_action").asText());
    assertEquals(tick.json().path("event"), replay.json().path("event"));
    assertEquals(tick.json().path("effective_status"), replay.json().path("effective_status"));
    assertTrue(replay.json().path("dry_run").asBoolean());

    CliRun dryRun = cli("supervise", "--chain", "--dry-run");
    assertEquals(0, dryRun.exit, dryRun.toString());
    assertTrue(dryRun.json().path("dry_run").asBoolean());
    assertEquals("noop", dryRun.json().path("would").asText());
  }

  @Test
  void superviseWithoutChainIsAUsageError() {
    CliRun run = cli("supervise");
    assertEquals(2, run.exit, run.toString());
    assertEquals("invalid_args", run.json().path("error").asText());
    assertEquals("`cloud supervise` requires --chain", run.json().path("message").asText());
  }

  @Test
  void aReviewChainWaitsForTheMergeAndAdvancesOnceGhSaysMerged() throws Exception {
    chainSpec("merge_policy: review\n", 200);
    Path gh = standIns.resolve("gh");
    Files.writeString(gh, "#!/bin/sh\necho OPEN\n");
    gh.toFile().setExecutable(true);
    CliRun launch = cli("chain", "briefs/chain.yaml");
    assertEquals(0, launch.exit, launch.toString());
    statusUntil(effective("awaiting_pr_merge"), Duration.ofSeconds(20));

    CliRun refused = cli("supervise", "--chain");
    assertEquals(0, refused.exit, refused.toString());
    assertEquals("blocked", refused.json().path("next_action").asText());
    assertEquals(
        "awaiting PR merge (PR #100 state=open); supervisor will not advance until PR is merged",
        refused.json().path("refused_reason").asText());

    Files.writeString(gh, "#!/bin/sh\necho MERGED\n");
    CliRun advanced = cli("supervise", "--chain");
    assertEquals(0, advanced.exit, advanced.toString());
    assertEquals("supervisor_advanced", advanced.json().path("event").asText());
    assertTrue(advanced.json().path("acted").asBoolean());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode status = cli("status", "--chain").json();
    while (status.path("chain_state").path("pr_number").asInt() != 101
        && System.nanoTime() < deadline) {
      cli("supervise", "--chain");
      Thread.sleep(300);
      status = cli("status", "--chain").json();
    }
    assertEquals(101, status.path("chain_state").path("pr_number").asInt(), status.toString());
    assertEquals("m2", status.path("summary").path("completed").path(1).path("label").asText("m2"));
  }

  @Test
  void manyConcurrentTicksAgainstOneDeadRunnerRestartItOnce() throws Exception {
    chainSpec("", 5000);
    CliRun launch = cli("chain", "briefs/chain.yaml");
    assertEquals(0, launch.exit, launch.toString());
    statusUntil(effective("running"), Duration.ofSeconds(20));
    killRunner(session(launch));
    statusUntil(effective("stale_bookkeeping"), Duration.ofSeconds(20));

    int ticks = 20;
    List<Thread> threads = new ArrayList<>();
    List<CliRun> runs = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    for (int i = 0; i < ticks; i++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  runs.add(cli("supervise", "--chain"));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(120));
    }
    assertEquals(ticks, runs.size());
    long restarted = runs.stream().filter(run -> run.json().path("acted").asBoolean()).count();
    assertEquals(1, restarted, "exactly one tick restarts the runner: " + runs);
  }

  private void superviseUntilDone(Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      CliRun tick = cli("supervise", "--chain");
      if ("done".equals(tick.json().path("next_action").asText())) {
        return;
      }
      Thread.sleep(300);
    }
    fail("the supervisor never saw the chain complete");
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("timed out: " + command);
    }
  }
}
