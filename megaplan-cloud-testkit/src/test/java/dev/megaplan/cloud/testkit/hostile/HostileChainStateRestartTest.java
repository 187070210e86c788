package dev.megaplan.cloud.testkit.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.MegaplanConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.supervisor.TickReport;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import dev.megaplan.cloud.testkit.HostBox;
import dev.megaplan.cloud.testkit.HostBoxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The supervisor's restart path with a hostile chain state on the box, end to end on the {@code
 * host} provider (real bash, real tmux, a fake launcher): the state says the chain is stale and the
 * runner is dead, so the tick restarts it in the state's {@code resolved_workspace} and session.
 * megaplan's agents write that state, so its values are the box's, not the user's.
 */
class HostileChainStateRestartTest {
  static final String SESSION = "megaplan-chain-hostile";
  static final String LAUNCHER =
      String.join(
          "\n",
          "#!/bin/sh",
          "case \"$1\" in",
          "  status) printf '{\"plan\": \"%s\", \"status\": \"running\"}\\n' \"$3\" ;;",
          "  verify-human) echo '{\"rows\": []}' ;;",
          "  chain) printf 'cwd=%s\\n' \"$(pwd -P)\"; printf 'arg=%s\\n' \"$@\" ;;",
          "esac",
          "");

  @RegisterExtension final HostBoxExtension boxes = new HostBoxExtension();
  @TempDir Path home;
  HostBox box;
  Path workspace;
  String spec;
  Path launcher;
  Path canary;

  @BeforeEach
  void setUp() throws IOException {
    box = boxes.box();
    workspace = box.root().resolve("chains/app");
    spec = workspace.resolve("chain.yaml").toString();
    write(Path.of(spec), "milestones:\n- {label: m1, idea: i1.md}\n- {label: m2, idea: i2.md}\n");
    launcher = box.root().resolve("bin/fake-megaplan");
    write(launcher, LAUNCHER);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    canary = box.home().resolve("canary");
  }

  /** A stale chain whose runner is dead, with extra state fields (JSON members, comma first). */
  void staleState(String extra) {
    write(
        Path.of(ChainStatePath.statePath(spec)),
        "{\"current_milestone_index\": 1, \"current_plan_name\": \"m2-plan\", \"last_state\":"
            + " \"running\", \"completed\": [{\"label\": \"m1\"}], \"sync_state\": \"clean\""
            + extra
            + "}");
  }

  TickReport tick() {
    CloudConfig config =
        CloudConfig.builder()
            .provider("host")
            .repo(RepoConfig.builder().url(HostBox.REPO_URL).build())
            .megaplan(
                MegaplanConfig.builder().command(ShellQuote.quote(launcher.toString())).build())
            .chainSession(SESSION)
            .build();
    try (CloudSession session =
        CloudSession.builder(config)
            .provider(box.provider())
            .home(home)
            .environment(Map.<String, String>of()::get)
            .cloudYaml(home.resolve("project/cloud.yaml"))
            .open()) {
      return session.supervisor(Optional.of(spec)).tick();
    }
  }

  @Test
  void aWorkspaceWithTmuxFormatsAndSubstitutionsIsRestartedInExactlyThatDirectoryAndNothingRuns()
      throws Exception {
    Path hostile =
        box.root()
            .resolve(
                "d#(touch " + canary + ")#{pane_pid}$(touch " + canary + ")`touch " + canary + "`");
    Files.createDirectories(hostile);
    staleState(", \"resolved_workspace\": " + JsonLiteral.of(hostile.toString()));

    TickReport report = tick();

    assertTrue(report.success(), report.toString());
    assertEquals("supervisor_restarted", report.event(), report.toString());
    assertTrue(report.acted());
    Path log = hostile.resolve(".megaplan/cloud-chain-" + SESSION + ".log");
    List<String> lines = await(log, "arg=--one");
    assertEquals("cwd=" + hostile, lines.get(0), "the restarted runner's working directory");
    assertTrue(lines.contains("arg=" + spec), lines.toString());
    JsonNode marker =
        Json.mapper()
            .readTree(
                Files.readString(
                    box.root().resolve(".megaplan/cloud-sessions/" + SESSION + ".json")));
    assertEquals(hostile.toString(), marker.path("workspace").asText());
    Thread.sleep(300); // a tmux #(…) job would run asynchronously
    assertFalse(Files.exists(canary), "a value from the chain state ran as a command");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/chains/app\n#(touch CANARY)",
        "/chains/app/../../#(touch CANARY)",
        "/chains/./app",
        "/chains/app\u001b]0;x\u0007",
        "relative/#(touch CANARY)"
      })
  void aWorkspaceThatIsNotANormalisedAbsolutePathIsRefusedAndNothingRuns(String written)
      throws Exception {
    String value =
        (written.startsWith("/") ? box.root() + written : written)
            .replace("CANARY", canary.toString());
    staleState(", \"resolved_workspace\": " + JsonLiteral.of(value));

    TickReport report = tick();

    assertFalse(report.success(), report.toString());
    assertEquals("supervisor_error", report.event());
    assertFalse(report.acted());
    String reason = report.refusedReason().orElseThrow();
    assertTrue(
        reason.startsWith(
            "chain status read failed: The chain state's resolved_workspace "
                + JsonLiteral.of(value)),
        reason);
    assertTrue(reason.contains("refusing to use it in any command on the box"), reason);
    assertNothingRan();
  }

  @Test
  void aSessionOutsideTheSafeSetIsRefusedAndNothingRuns() throws Exception {
    String session = "x#(touch " + canary + ")";
    staleState(", \"chain_session\": " + JsonLiteral.of(session));

    TickReport report = tick();

    assertFalse(report.success(), report.toString());
    assertEquals("supervisor_error", report.event());
    assertEquals(
        Optional.of(
            "chain status read failed: The chain state's chain_session "
                + JsonLiteral.of(session)
                + " must use only ASCII letters, digits, '_' and '-' (tmux expands '#' and rewrites"
                + " '.' and ':'), found '#' (U+0023) at position 1; refusing to use it in any"
                + " command on the box (correct or remove it in the chain state)"),
        report.refusedReason());
    assertNothingRan();
  }

  /** No session, no lock, no session marker, no chain log written, no canary. */
  private void assertNothingRan() throws Exception {
    ExecResult sessions =
        box.provider()
            .remoteShell()
            .orElseThrow()
            .exec(box.provider().tmuxCommand() + " list-sessions", Duration.ofSeconds(20));
    assertEquals(1, sessions.exitCode(), "a tmux session runs: " + sessions.stdout());
    try (Stream<Path> files = Files.walk(box.root())) {
      List<String> written =
          files
              .map(Path::toString)
              .filter(
                  p ->
                      p.endsWith("supervisor.lock")
                          || p.contains("cloud-sessions")
                          || p.endsWith(".log"))
              .toList();
      assertEquals(List.of(), written, "the refused tick wrote on the box");
    }
    Thread.sleep(300);
    assertFalse(Files.exists(canary), "a value from the chain state ran as a command");
  }

  private static List<String> await(Path log, String line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        int cwd = -1;
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).startsWith("cwd=")) {
            cwd = i;
          }
        }
        if (cwd >= 0 && lines.subList(cwd, lines.size()).contains(line)) {
          return lines.subList(cwd, lines.size());
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no runner wrote " + line + " to " + log);
  }

  private static void write(Path path, String text) {
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
