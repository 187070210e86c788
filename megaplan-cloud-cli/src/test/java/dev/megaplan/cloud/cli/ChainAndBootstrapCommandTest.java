package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.CloudYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chain} and {@code bootstrap} end to end on a host box with a fake megaplan. */
class ChainAndBootstrapCommandTest {
  private static final String SECRET = "tok-9f8e7d6c5b4a3210-secret";

  @TempDir Path dir;
  Map<String, String> env;

  @BeforeEach
  void project() throws Exception {
    Path origin = dir.resolve("origin");
    git(dir, "-c", "init.defaultBranch=main", "init", "-q", origin.toString());
    git(
        origin,
        "-c",
        "user.name=x",
        "-c",
        "user.email=y@example.invalid",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "init");
    Path launcher = dir.resolve("fake-megaplan");
    Files.writeString(
        launcher,
        String.join(
            "\n",
            "#!/usr/bin/env bash",
            "cmd=\"$1\"; shift",
            "if [ \"$cmd\" = init ]; then",
            "  pd=; name=auto",
            "  while [ $# -gt 0 ]; do case \"$1\" in --project-dir) pd=\"$2\"; shift 2;;"
                + " --name) name=\"$2\"; shift 2;; *) shift;; esac; done",
            "  mkdir -p \"$pd/.megaplan/plans/$name\"",
            "  echo \"init $name token=$MY_TOKEN\"; echo \"MY_TOKEN=$MY_TOKEN\" >&2; exit 4",
            "fi",
            "spec=; while [ $# -gt 0 ]; do case \"$1\" in --spec) spec=\"$2\"; shift 2;;"
                + " *) shift;; esac; done",
            "d=$(dirname \"$spec\"); b=$(basename \"$spec\"); h=$(printf '%s' \"$spec\" | sha1sum"
                + " | cut -c1-12)",
            "mkdir -p \"$d/.megaplan/plans/.chains\"",
            "echo '{\"current_milestone_index\": 0}' > \"$d/.megaplan/plans/.chains/${b%.*}-$h.json\"",
            "sleep 60",
            ""));
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(
        dir.resolve("cloud.yaml"),
        "provider: host\nrepo:\n  url: "
            + origin
            + "\nagents:\n  default: hermes\nmegaplan:\n  command: "
            + launcher
            + "\nhost:\n  root: "
            + dir.resolve("box")
            + "\nsecrets: [MY_TOKEN]\n");
    Files.writeString(dir.resolve("idea.md"), "build the thing");
    Files.writeString(dir.resolve("chain.yaml"), "milestones:\n  - label: m1\n    idea: idea.md\n");
    env = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "MY_TOKEN", SECRET);
  }

  @AfterEach
  void stopTheBox() {
    try (CloudSession session =
        CloudSession.builder(CloudYaml.load(dir.resolve("cloud.yaml")))
            .environment(env::get)
            .home(dir.resolve("home"))
            .open()) {
      Provider provider = session.provider();
      provider.down();
    }
  }

  private CliRun run(String... args) {
    return CliRun.in(dir, env, "", args);
  }

  @Test
  void chainPrintsTheReportAndTheSummaryLine() {
    CliRun run = run("chain", "chain.yaml");
    assertEquals(0, run.exit, run.toString());
    JsonNode json = run.json();
    assertEquals("cloud_chain_launched", json.get("event").asText());
    assertEquals("started", json.at("/tmux/status").asText());
    assertEquals(1, json.get("uploaded_idea_count").asInt());
    assertTrue(
        run.err.contains(
            "cloud chain launch: session="
                + json.at("/tmux/session").asText()
                + " alive=true advanced="),
        run.err);
    assertFalse(run.out.contains(SECRET) || run.err.contains(SECRET));

    CliRun again = run("chain", "chain.yaml", "--no-git-refresh");
    assertEquals(0, again.exit, again.toString());
    assertEquals("already_running", again.json().at("/tmux/status").asText());
  }

  @Test
  void chainSpecWarningsGoToStderrRedactedAndTheChainStillLaunches() throws Exception {
    Files.writeString(
        dir.resolve("chain.yaml"),
        "milestones:\n  - {label: m1, idea: idea.md}\n  - {label: m1, idea: idea.md}\n"
            + "driver: {auto_approve: '"
            + SECRET
            + "'}\n");
    CliRun run = run("chain", "chain.yaml");
    assertEquals(0, run.exit, run.toString());
    assertTrue(
        run.err.contains("warning: milestones[1].label 'm1' repeats milestones[0].label"), run.err);
    assertTrue(run.err.contains("warning: driver.auto_approve is '"), run.err);
    assertTrue(run.err.contains("megaplan reads it as true"), run.err);
    assertFalse(run.out.contains(SECRET) || run.err.contains(SECRET), "secret leaked");
  }

  @Test
  void chainSpecThatMegaplanWouldRefuseFailsBeforeTheBoxIsTouched() throws Exception {
    Files.writeString(
        dir.resolve("chain.yaml"),
        "base_branch: null\nmilestones:\n  - {label: m1, idea: idea.md}\n");
    CliRun run = run("chain", "chain.yaml");
    assertEquals(1, run.exit, run.toString());
    assertEquals("invalid_spec", run.json().get("error").asText());
    assertTrue(
        run.json()
            .get("message")
            .asText()
            .contains("base_branch must be a non-empty string, got null (chain.yaml:1:14)"),
        run.toString());
    assertFalse(Files.exists(dir.resolve("box")) && hasChainYaml(dir.resolve("box")));
  }

  @Test
  void chainWithAMissingIdeaPrintsTheErrorJson() throws Exception {
    Files.delete(dir.resolve("idea.md"));
    CliRun run = run("chain", "chain.yaml", "--fresh");
    assertEquals(1, run.exit, run.toString());
    assertEquals("missing_idea_file", run.json().get("error").asText());
    assertTrue(run.json().get("tried_paths").isArray());
    assertFalse(Files.exists(dir.resolve("box")) && hasChainYaml(dir.resolve("box")));
  }

  @Test
  void chainWithAnUnsetSecretFailsThePreflight() {
    env = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin");
    CliRun run = run("chain", "chain.yaml");
    assertEquals(1, run.exit, run.toString());
    assertEquals("cloud_preflight_failed", run.json().get("error").asText());
    assertEquals("MY_TOKEN", run.json().at("/missing_env/0").asText());
  }

  @Test
  void bootstrapRelaysMegaplanRedactedWithItsExitCode() {
    CliRun run = run("bootstrap", "idea.md", "--plan-name", "my plan", "--robustness", "heavy");
    assertEquals(4, run.exit, run.toString());
    assertTrue(run.out.contains("init my plan token=***REDACTED***"), run.out);
    assertTrue(run.err.contains("MY_TOKEN=***REDACTED***"), run.err);
    assertFalse(run.out.contains(SECRET) || run.err.contains(SECRET));
    assertTrue(Files.isDirectory(dir.resolve("box/app/.megaplan/plans/my plan")));
    assertTrue(Files.isRegularFile(dir.resolve("box/app/idea.txt")));
  }

  @Test
  void bootstrapOfAMissingIdeaFails() {
    CliRun run = run("bootstrap", "nope.md");
    assertEquals(1, run.exit, run.toString());
    assertEquals("missing_idea_file", run.json().get("error").asText());
    assertFalse(Files.exists(dir.resolve("box/app")));
  }

  private static boolean hasChainYaml(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      return files.anyMatch(p -> p.endsWith("chain.yaml"));
    }
  }

  private static void git(Path cwd, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));
  }
}
