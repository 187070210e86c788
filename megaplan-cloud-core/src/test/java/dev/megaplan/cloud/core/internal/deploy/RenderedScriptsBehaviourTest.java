package dev.megaplan.cloud.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered helpers do what they say, run for real on this machine: the wrappers with bash and
 * an isolated tmux server, the health server over loopback HTTP.
 */
class RenderedScriptsBehaviourTest {
  @TempDir Path temp;
  Path dir;

  @BeforeEach
  void render() {
    dir =
        DeployDirectory.render(
                DeployConfigs.idle("local"), DeployDirectory.Target.LOCAL, temp.resolve("deploy"))
            .dir();
  }

  private record Run(int exit, String stdout, String stderr) {}

  private Run run(Map<String, String> env, String... argv) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + List.of(argv));
    return new Run(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  private String script(String name) {
    return dir.resolve("wrappers").resolve(name).toString();
  }

  @Test
  void runInTmuxStartsASessionOnceAndThenSaysItRuns() throws Exception {
    // a tmux server of this test's own: TMUX_TMPDIR moves its socket
    Map<String, String> env = Map.of("TMUX_TMPDIR", temp.toString());
    try {
      Run first = run(env, script("run-in-tmux.sh"), "agent", temp.toString(), "sleep 60");
      assertEquals(0, first.exit(), first.stderr());
      assertEquals("started\n", first.stdout());
      Run second = run(env, script("run-in-tmux.sh"), "agent", temp.toString(), "sleep 60");
      assertEquals("already_running\n", second.stdout());
      assertEquals(0, run(env, "tmux", "has-session", "-t", "=agent").exit());
    } finally {
      run(env, "tmux", "kill-server");
    }
  }

  @Test
  void runInTmuxStartsInADirectoryWhoseNameHoldsTmuxFormatsWithoutRunningThem() throws Exception {
    Map<String, String> env = Map.of("TMUX_TMPDIR", temp.toString());
    Path canary = temp.resolve("canary");
    Path workdir =
        temp.resolve("d#(touch " + canary + ")#{pane_pid}#[fg=red]$(touch " + canary + ")");
    Path seen = temp.resolve("seen");
    try {
      Run started =
          run(
              env,
              script("run-in-tmux.sh"),
              "agent",
              workdir.toString(),
              "pwd > '" + seen + "'; sleep 60");
      assertEquals(0, started.exit(), started.stderr());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.exists(seen) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(workdir + "\n", Files.readString(seen));
      assertFalse(Files.exists(canary), "a tmux format in the directory name ran");
    } finally {
      run(env, "tmux", "kill-server");
    }
  }

  @Test
  void runInTmuxRefusesAnUnsafeSessionNameAndStartsNothing() throws Exception {
    Map<String, String> env = Map.of("TMUX_TMPDIR", temp.toString());
    Path canary = temp.resolve("canary");
    try {
      for (String session : List.of("a#(touch " + canary + ")", "a.b", "", "a b", "é")) {
        Run refused = run(env, script("run-in-tmux.sh"), session, temp.toString(), "sleep 60");
        assertEquals(2, refused.exit(), session);
        assertEquals(
            "run-in-tmux.sh: unsafe session name (use letters, digits, _ and -)\n",
            refused.stderr());
      }
      assertEquals(1, run(env, "tmux", "list-sessions").exit(), "a session was started");
      assertFalse(Files.exists(canary), "a tmux format in the session name ran");
    } finally {
      run(env, "tmux", "kill-server");
    }
  }

  @Test
  void superviseWithBackoffRetriesUntilSuccessAndGivesUpAfterMaxTries() throws Exception {
    Run ok = run(Map.of(), script("supervise-with-backoff.sh"), "3", "true");
    assertEquals(0, ok.exit());
    Run giveUp = run(Map.of(), script("supervise-with-backoff.sh"), "1", "bash", "-c", "exit 4");
    assertEquals(4, giveUp.exit());
    assertTrue(giveUp.stderr().contains("giving up after 1 tries (last exit 4)"), giveUp.stderr());
    Path count = temp.resolve("count");
    Run retried =
        run(
            Map.of(),
            script("supervise-with-backoff.sh"),
            "2",
            "bash",
            "-c",
            "echo x >> '" + count + "'; [ \"$(wc -l < '" + count + "')\" -ge 2 ]");
    assertEquals(0, retried.exit(), retried.stderr());
    assertTrue(retried.stderr().contains("retrying in 5s (try 2 of 2)"), retried.stderr());
    assertEquals(2, Files.readAllLines(count).size());
  }

  @Test
  void heartbeatWritesTheTimeUnderRoot() throws Exception {
    ProcessBuilder process =
        new ProcessBuilder(script("heartbeat.sh"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    process.environment().put("ROOT", temp.toString());
    Process heartbeat = process.start();
    try {
      Path beat = temp.resolve(".megaplan/heartbeat");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.exists(beat) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(
          Files.readString(beat).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n"),
          Files.readString(beat));
    } finally {
      heartbeat.descendants().forEach(ProcessHandle::destroy);
      heartbeat.destroy();
      heartbeat.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void theHealthServerAnswersGetSlashWith200OnItsPort() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Process server =
        new ProcessBuilder(
                "python3", dir.resolve("healthserver.py").toString(), Integer.toString(port))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      List<Integer> codes = new ArrayList<>();
      String body = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (body == null && System.nanoTime() < deadline) {
        try {
          HttpURLConnection http =
              (HttpURLConnection)
                  URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
          http.setConnectTimeout(500);
          http.setReadTimeout(2000);
          codes.add(http.getResponseCode());
          try (InputStream in = http.getInputStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        } catch (java.io.IOException notYet) {
          Thread.sleep(100);
        }
      }
      assertEquals("ok\n", body);
      assertEquals(200, codes.get(codes.size() - 1));
    } finally {
      server.destroy();
      server.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** The entrypoint's runner-session section, run with a stub run-in-tmux that prints its args. */
  private Run bootSection(String yaml) throws Exception {
    String entrypoint =
        DeployDirectory.files(
                dev.megaplan.cloud.core.CloudYaml.parse(yaml), DeployDirectory.Target.LOCAL)
            .get("entrypoint.sh");
    int start = entrypoint.indexOf("# Runner session 'agent'");
    int end = entrypoint.indexOf("wait \"$health\"");
    Path stubs = Files.createDirectories(temp.resolve("stubs"));
    Path stub = stubs.resolve("run-in-tmux.sh");
    Files.writeString(stub, "#!/usr/bin/env bash\nprintf '[%s]' \"$@\"; echo\n");
    stub.toFile().setExecutable(true);
    Path section = temp.resolve("boot.sh");
    Files.writeString(
        section,
        "log() { printf '[entrypoint] %s\\n' \"$*\" >&2; }\nWRAPPERS='"
            + stubs
            + "'\nWORKSPACE=/w\n"
            + entrypoint.substring(start, end));
    return run(Map.of(), "bash", section.toString());
  }

  @Test
  void chainModeStartsTheChainWhenTheSpecExistsAndStaysIdleWithAWarningWhenNot() throws Exception {
    Path spec = temp.resolve("chain.yaml");
    String yaml = "provider: local\nmode: chain\nrepo: {url: u}\nchain: {spec: '" + spec + "'}\n";
    Run missing = bootSection(yaml);
    assertEquals("[agent][/w][bash -l]\n", missing.stdout());
    assertTrue(
        missing
            .stderr()
            .contains("[entrypoint] warning: " + spec + " is missing; the runner stays idle"),
        missing.stderr());
    Files.writeString(spec, "milestones: []\n");
    Run present = bootSection(yaml);
    assertTrue(
        present.stdout().startsWith("[agent][/w][{ MEGAPLAN_TRUSTED_CONTAINER=1 "),
        present.stdout());
    assertTrue(present.stdout().contains(" chain start --spec '" + spec + "'"), present.stdout());
    assertEquals("", present.stderr());
  }

  @Test
  void autoModeInitsTheMissingPlanThenRunsAutoAndIdleModeRunsALoginShell() throws Exception {
    Path idea = temp.resolve("idea.txt");
    Files.writeString(idea, "an idea\n");
    Run auto =
        bootSection(
            "provider: local\nmode: auto\nrepo: {url: u}\nauto: {plan_name: p1, idea_file: '"
                + idea
                + "'}\n");
    assertTrue(
        auto.stdout().contains(" init --project-dir '/workspace/app' --idea-file '" + idea + "'"),
        auto.stdout());
    assertTrue(
        auto.stdout().contains("&& python -m arnold.pipelines.megaplan auto --plan 'p1'"),
        auto.stdout());
    Run idle = bootSection("provider: local\nmode: idle\nrepo: {url: u}\n");
    assertEquals("[agent][/w][bash -l]\n", idle.stdout());
  }
}
