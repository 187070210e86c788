package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.testkit.HostBoxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code status}, {@code chains}, {@code exec} and {@code resume} on a real host box. */
class StatusCommandsTest {
  static final String SECRET = "cli-pl4nted-secret-99";
  static final String SESSION = "megaplan-chain-cli";
  static final String UNCHANGED = "{\"plan\":\"p1\",  \"next_step\": \"execute\", \"n\": 2.50}";

  /** The fake launcher: answers from flag files in its working directory. */
  static final String LAUNCHER =
      String.join(
          "\n",
          "#!/bin/sh",
          "case \"$1\" in",
          "  status)",
          "    if [ -f .fake/notjson ]; then echo 'Traceback: boom " + SECRET + "'; exit 0; fi",
          "    if [ -f .fake/nostep ]; then echo '{\"status\": \"done\", \"next_step\": null}';"
              + " exit 0; fi",
          "    if [ -f .fake/running ]; then printf '{\"plan\": \"%s\", \"status\": \"running\"}\\n'"
              + " \"$3\"; exit 0; fi",
          "    echo '" + UNCHANGED + "' ;;",
          "  verify-human) echo '{\"semantics\": \"latest_verdict\", \"pending\": 0, \"verified\":"
              + " 0, \"all_deferred_must_verified\": false, \"rows\": []}' ;;",
          "  execute) echo \"executing $* in $(basename \"$PWD\")\"; echo 'key "
              + SECRET
              + "' >&2;"
              + " exit 0 ;;",
          "  *) echo \"unsupported: $*\" >&2; exit 2 ;;",
          "esac",
          "");

  @RegisterExtension final HostBoxExtension boxes = new HostBoxExtension();
  @TempDir Path dir;
  Path root;
  Path app;

  @BeforeEach
  void setUp() throws IOException {
    root = boxes.box().root();
    app = root.resolve("app");
    Files.createDirectories(app.resolve(".fake"));
    Path launcher = root.resolve("bin/mp");
    Files.createDirectories(launcher.getParent());
    Files.writeString(launcher, LAUNCHER);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(
        dir.resolve("cloud.yaml"),
        "provider: host\n"
            + "repo:\n  url: https://example.invalid/box.git\n"
            + "host:\n  root: "
            + root
            + "\n"
            + "megaplan:\n  command: "
            + launcher
            + "\n"
            + "chain_session: "
            + SESSION
            + "\n"
            + "secrets: [E2E_TOKEN]\n",
        StandardCharsets.UTF_8);
  }

  CliRun run(String... args) {
    CliRun run = CliRun.in(dir, Map.of("E2E_TOKEN", SECRET), "", args);
    assertFalse(run.out.contains(SECRET), run.toString());
    assertFalse(run.err.contains(SECRET), run.toString());
    return run;
  }

  void touch(String flag) throws IOException {
    Files.writeString(app.resolve(".fake/" + flag), "");
  }

  void tmux(String args) {
    var provider = boxes.provider();
    var result =
        provider
            .remoteShell()
            .orElseThrow()
            .exec(provider.tmuxCommand() + " " + args, Duration.ofSeconds(20));
    assertEquals(0, result.exitCode(), result.stderr());
  }

  @Test
  void statusChainPrintsThePayloadOnStdoutAndTheSummaryOnStderr() throws IOException {
    String spec = app.resolve("chain.yaml").toString();
    Files.writeString(
        Path.of(spec), "milestones:\n- {label: m1, idea: a}\n- {label: m2, idea: b}\n");
    Path state = Path.of(ChainStatePath.statePath(spec));
    Files.createDirectories(state.getParent());
    Files.writeString(
        state,
        "{\"current_milestone_index\": 1, \"current_plan_name\": \"m2-plan\", \"completed\":"
            + " [{\"label\": \"m1\"}], \"last_state\": \"running\"}");
    touch("running");
    tmux("new-session -d -s " + SESSION + " 'sleep 600'");

    CliRun run = run("status", "--chain", "--remote-spec", spec);

    assertEquals(0, run.exit, run.toString());
    JsonNode json = run.json();
    assertTrue(json.get("success").asBoolean());
    assertEquals("running", json.get("effective_status").asText());
    assertEquals("m2-plan", json.get("plan_status").get("plan").asText());
    assertEquals(SESSION, json.get("resolved_session").asText());
    assertTrue(run.out.startsWith("{\n  \"success\": true,\n  \"spec\": "), run.out);
    assertTrue(
        run.err.startsWith("Current milestone: m2 (index 1)\nCompleted: m1\nRemaining: m2\n"),
        run.err);
  }

  @Test
  void statusChainWithNoChainToReadIsMissingRemoteSpec() {
    CliRun run = run("status", "--chain");
    assertEquals(1, run.exit, run.toString());
    assertEquals("missing_remote_spec", run.json().get("error").asText());
    assertEquals(
        "Pass --remote-spec <path>, run `cloud chain <spec>` first, or set mode: chain in"
            + " cloud.yaml",
        run.json().get("message").asText());
  }

  @Test
  void statusWithAMissingRemoteSpecFileIsProviderFailed() {
    CliRun run = run("status", "--chain", "--remote-spec", root + "/nowhere/chain.yaml");
    assertEquals(1, run.exit, run.toString());
    assertEquals("provider_failed", run.json().get("error").asText());
    assertTrue(run.json().get("message").asText().contains(root + "/nowhere/chain.yaml"));
  }

  @Test
  void statusPrintsTheLaunchersJsonUnchanged() {
    CliRun run = run("status");
    assertEquals(0, run.exit, run.toString());
    assertEquals(UNCHANGED + "\n", run.out);
  }

  @Test
  void statusOutputThatIsNotJsonIsInvalidStatus() throws IOException {
    touch("notjson");
    CliRun run = run("status");
    assertEquals(1, run.exit, run.toString());
    assertEquals("invalid_status", run.json().get("error").asText());
    assertTrue(run.out.contains("***REDACTED***"), run.out);
  }

  @Test
  void remoteSpecWithoutChainIsAUsageError() {
    CliRun run = run("status", "--remote-spec", "/x/chain.yaml");
    assertEquals(2, run.exit, run.toString());
    assertEquals("invalid_args", run.json().get("error").asText());
  }

  @Test
  void chainsListsChainSessionsWithTheirMarkers() throws IOException {
    tmux("new-session -d -s megaplan-chain-a 'sleep 600'");
    tmux("new-session -d -s megaplan-chain-b 'sleep 600'");
    tmux("new-session -d -s agent 'sleep 600'");
    Path markers = root.resolve(".megaplan/cloud-sessions");
    Files.createDirectories(markers);
    Files.writeString(
        markers.resolve("megaplan-chain-a.json"),
        "{\"session\": \"megaplan-chain-a\", \"workspace\": \"/w/a\", \"remote_spec\":"
            + " \"/w/a/chain.yaml\"}");

    for (String[] args : new String[][] {{"chains"}, {"status", "--all"}}) {
      CliRun run = run(args);
      assertEquals(0, run.exit, run.toString());
      JsonNode sessions = run.json().get("sessions");
      assertTrue(run.json().get("success").asBoolean());
      assertEquals(2, sessions.size(), run.out);
      // the Python tool's flat entries: marker fields beside the listing's own
      JsonNode a = sessions.get(0);
      assertEquals("megaplan-chain-a", a.get("session").asText());
      assertEquals("running", a.get("status").asText());
      assertEquals(
          markers.resolve("megaplan-chain-a.json").toString(), a.get("marker").asText(), run.out);
      assertEquals("present", a.get("marker_status").asText());
      assertEquals("/w/a", a.get("workspace").asText());
      assertEquals("/w/a/chain.yaml", a.get("remote_spec").asText());
      JsonNode b = sessions.get(1);
      assertEquals("running", b.get("status").asText());
      assertEquals(markers.resolve("megaplan-chain-b.json").toString(), b.get("marker").asText());
      assertEquals("missing", b.get("marker_status").asText());
      assertFalse(b.has("workspace"), run.out);
      assertTrue(run.err.startsWith("active cloud chains: 2\n"), run.err);
      assertTrue(run.err.contains("megaplan-chain-a (marker: present) workspace=/w/a"), run.err);
    }
  }

  @Test
  void chainsWithNoTmuxServerIsAnEmptyList() {
    CliRun run = run("chains");
    assertEquals(0, run.exit, run.toString());
    assertEquals(0, run.json().get("sessions").size());
    assertEquals("active cloud chains: 0\n", run.err);
  }

  @Test
  void execRelaysRedactedOutputAndExitsWithTheRemoteStatus() {
    CliRun run = run("exec", "--", "echo out-" + SECRET + ";", "echo err >&2;", "exit 7");
    assertEquals(7, run.exit, run.toString());
    assertEquals("out-***REDACTED***\n", run.out);
    assertEquals("err\n", run.err);
  }

  @Test
  void execThatCannotReachTheBoxPrintsTheErrorJsonAndExitsOne() throws IOException {
    Path file = dir.resolve("not-a-dir");
    Files.writeString(file, "");
    Files.writeString(
        dir.resolve("cloud.yaml"),
        "provider: host\nrepo:\n  url: https://example.invalid/box.git\nhost:\n  root: "
            + file
            + "/root\n");
    CliRun run = run("exec", "true");
    assertEquals(1, run.exit, run.toString());
    assertEquals("provider_failed", run.json().get("error").asText());
  }

  @Test
  void resumeRunsTheNextStepInTheWorkspaceAndRelaysItRedacted() {
    CliRun run = run("resume", "--plan", "p1");
    assertEquals(0, run.exit, run.toString());
    assertEquals("executing execute --plan p1 in app\n", run.out);
    assertEquals("key ***REDACTED***\n", run.err);
  }

  @Test
  void resumeWithoutANextStepIsInvalidStatus() throws IOException {
    touch("nostep");
    CliRun run = run("resume");
    assertEquals(1, run.exit, run.toString());
    assertEquals("invalid_status", run.json().get("error").asText());
  }
}
