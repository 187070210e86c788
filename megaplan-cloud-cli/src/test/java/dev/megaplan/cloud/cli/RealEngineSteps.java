package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.testkit.docker.DockerEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the real-engine end-to-end tests of {@code local} and {@code ssh} share. */
final class RealEngineSteps {
  private static final Pattern HEARTBEAT = Pattern.compile("runner-box: heartbeat (\\d+)$");

  private RealEngineSteps() {}

  /** A TCP port free on this machine now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A three-milestone chain spec and its idea files under {@code briefs/}. */
  static void chainSpec(Path project, int stepMs) throws IOException {
    Files.createDirectories(project.resolve("briefs"));
    Files.writeString(
        project.resolve("briefs/chain.yaml"),
        "milestones:\n"
            + "  - {label: m1, idea: m1.md}\n"
            + "  - {label: m2, idea: m2.md}\n"
            + "  - {label: m3, idea: m3.md}\n"
            + "emulator:\n  step_ms: "
            + stepMs
            + "\n");
    for (String m : List.of("m1", "m2", "m3")) {
      Files.writeString(project.resolve("briefs/" + m + ".md"), "# " + m + "\n");
    }
  }

  /** The shell text that makes a one-commit git repository at {@code /srv/origin} on the box. */
  static final String MAKE_ORIGIN =
      "git init -q -b main /srv/origin && git -C /srv/origin -c user.name=t"
          + " -c user.email=t@example.invalid commit -q --allow-empty -m initial && echo origin-ready";

  /** Polls {@code status --chain} until its JSON matches. */
  static JsonNode statusUntil(Supplier<CliRun> status, Predicate<JsonNode> done, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      CliRun run = status.get();
      last = run.toString();
      if (run.exit == 0 && done.test(run.json())) {
        return run.json();
      }
      Thread.sleep(500);
    }
    fail("status --chain never matched; last: " + last);
    return null;
  }

  static Predicate<JsonNode> effective(String status) {
    return json -> status.equals(json.path("effective_status").asText());
  }

  /**
   * The chain story on a real container: launch, running, the runner killed inside the container,
   * stale bookkeeping, one supervisor restart, complete.
   */
  static void superviseAChainToComplete(
      Supplier<CliRun> launch,
      Supplier<CliRun> status,
      Supplier<CliRun> supervise,
      String container)
      throws InterruptedException {
    CliRun launched = launch.get();
    assertEquals(0, launched.exit, launched.toString());
    assertEquals("cloud_chain_launched", launched.json().path("event").asText());
    String session = launched.json().path("tmux").path("session").asText();

    statusUntil(status, effective("running"), Duration.ofSeconds(120));
    DockerEngine.Result kill =
        DockerEngine.docker(
            Duration.ofSeconds(60), "exec", container, "tmux", "kill-session", "-t", "=" + session);
    assertTrue(kill.succeeded(), kill.toString());
    JsonNode stale = statusUntil(status, effective("stale_bookkeeping"), Duration.ofSeconds(60));
    assertEquals("dead", stale.path("runner").path("status").asText(), stale.toString());

    CliRun tick = supervise.get();
    assertEquals(0, tick.exit, tick.toString());
    assertEquals("supervisor_restarted", tick.json().path("event").asText(), tick.toString());
    assertTrue(tick.json().path("acted").asBoolean(), tick.toString());

    // a restarted runner does one milestone (--one); each later tick restarts it again
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    CliRun next = supervise.get();
    while (!"done".equals(next.json().path("next_action").asText())) {
      assertTrue(System.nanoTime() < deadline, "the supervisor never saw the chain complete");
      Thread.sleep(2000);
      next = supervise.get();
      assertEquals(0, next.exit, next.toString());
    }
    JsonNode complete = statusUntil(status, effective("complete"), Duration.ofSeconds(30));
    assertEquals(3, complete.path("chain_state").path("current_milestone_index").asInt());
  }

  /** The heartbeat numbers of log lines, in order; fails on a line seen twice. */
  static List<Integer> heartbeats(String log) {
    List<Integer> numbers = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String line : log.lines().toList()) {
      assertTrue(seen.add(line), "the line '" + line + "' was printed twice:\n" + log);
      Matcher m = HEARTBEAT.matcher(line);
      if (m.find()) {
        numbers.add(Integer.parseInt(m.group(1)));
      }
    }
    for (int i = 1; i < numbers.size(); i++) {
      assertEquals(numbers.get(i - 1) + 1, numbers.get(i), "heartbeats out of order:\n" + log);
    }
    return numbers;
  }

  /** Runs {@code logs} (following) for a while, then interrupts it as Ctrl-C would. */
  static CliRun followFor(Supplier<CliRun> follow, Duration howLong) throws InterruptedException {
    return followFor(follow, howLong, () -> null);
  }

  /** As {@link #followFor(Supplier, Duration)}, doing something halfway through. */
  static CliRun followFor(Supplier<CliRun> follow, Duration howLong, Supplier<?> meanwhile)
      throws InterruptedException {
    CliRun[] result = new CliRun[1];
    Thread thread = new Thread(() -> result[0] = follow.get(), "logs-follow");
    thread.start();
    Thread.sleep(howLong.toMillis() / 2);
    meanwhile.get();
    Thread.sleep(howLong.toMillis() / 2);
    thread.interrupt();
    thread.join(Duration.ofSeconds(60).toMillis());
    assertTrue(!thread.isAlive(), "logs -f did not stop within 60 s of its interrupt");
    return result[0];
  }

  /** Records the argument vector of every process of this machine while it runs. */
  static final class ProcessSampler implements AutoCloseable {
    private final Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    ProcessSampler() {
      thread = new Thread(this::loop, "ps-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    private void loop() {
      while (running.get()) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
          for (Path proc : procs.toList()) {
            if (proc.getFileName().toString().chars().allMatch(Character::isDigit)) {
              try {
                byte[] cmdline = Files.readAllBytes(proc.resolve("cmdline"));
                seen.add(new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' '));
              } catch (IOException gone) {
                // the process ended between the listing and the read
              }
            }
          }
        } catch (IOException e) {
          return;
        }
      }
    }

    /** Every argument vector seen, space-joined. */
    Set<String> seen() {
      return Set.copyOf(seen);
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(5000);
    }
  }

  /** The environment of a command line run against the real engine (DOCKER_HOST passes). */
  static Map<String, String> environment(Path project, Map<String, String> extra) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", project.resolve("home").toString());
    env.put("LANG", "C.UTF-8");
    String host = System.getenv("DOCKER_HOST");
    if (host != null) {
      env.put("DOCKER_HOST", host);
    }
    env.putAll(extra);
    return env;
  }
}
