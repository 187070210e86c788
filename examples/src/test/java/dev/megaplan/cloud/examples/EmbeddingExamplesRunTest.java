package dev.megaplan.cloud.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.api.supervisor.TickReport;
import dev.megaplan.cloud.testkit.EmulatorLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the embedding examples for real: a host box on this machine, the megaplan emulator as
 * launcher. The examples use {@code CloudSession.open(cfg)} and its default home, {@code $HOME},
 * which the build points at {@code target/test-home} for every test JVM (see the parent pom).
 */
class EmbeddingExamplesRunTest {
  @TempDir Path dir;

  @BeforeEach
  void theHomeIsTheBuildsNotTheUsers() {
    assertTrue(
        System.getenv("HOME") != null && System.getenv("HOME").endsWith("target/test-home"),
        "run through Maven, which sets HOME to target/test-home; HOME=" + System.getenv("HOME"));
  }

  @AfterEach
  void stopTheBoxesTmuxServer() throws Exception {
    Path socket = dir.resolve("box/.megaplan/tmux.sock");
    if (Files.exists(socket)) {
      new ProcessBuilder("tmux", "-S", socket.toString(), "kill-server")
          .start()
          .waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor());
  }

  @Test
  void theLaunchAndSupervisorExamplesCarryAChainToCompletion() throws Exception {
    Path origin = dir.resolve("origin");
    git("init", "-q", "-b", "main", origin.toString());
    git(
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
        "initial");
    Path cloudYaml = dir.resolve("cloud.yaml");
    Files.writeString(
        cloudYaml,
        "provider: host\nrepo: {url: '"
            + origin
            + "'}\nagents: {default: hermes}\nmegaplan:\n  command: \""
            + EmulatorLauncher.command().replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"\nhost: {root: '"
            + dir.resolve("box")
            + "'}\n");
    Path spec = dir.resolve("briefs/chain.yaml");
    Files.createDirectories(spec.getParent());
    Files.writeString(
        spec,
        "milestones:\n  - {label: a, idea: a.md}\n  - {label: b, idea: b.md}\n"
            + "emulator: {step_ms: 300}\n");
    Files.writeString(spec.resolveSibling("a.md"), "a");
    Files.writeString(spec.resolveSibling("b.md"), "b");

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    ChainStatus status = EmbedChainLaunch.run(cloudYaml, spec, out);
    assertTrue(
        Set.of("running", "complete", "stale_bookkeeping")
            .contains(status.effectiveStatus().wireName()),
        status.effectiveStatus().wireName());
    assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("cloud chain launch: "));

    TickReport last =
        EmbedSupervisorLoop.run(cloudYaml, Duration.ofMillis(300), Duration.ofSeconds(60), out);
    assertNotNull(last);
    assertEquals("done", last.nextAction(), printed.toString(StandardCharsets.UTF_8));
  }
}
