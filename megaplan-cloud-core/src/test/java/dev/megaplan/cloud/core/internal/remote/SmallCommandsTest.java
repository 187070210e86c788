package dev.megaplan.cloud.core.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import dev.megaplan.cloud.core.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dependency check, OAuth directories, megaplan wrappers, chain command and sync refresh. */
class SmallCommandsTest {
  Box box;

  @BeforeEach
  void setUp() {
    box = new Box();
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  @Test
  void dependencyCheckReportsMissingCommandsInOrder() {
    DependencyCheckCommand check =
        new DependencyCheckCommand(List.of("sh", "no-such-cmd-xyz", "tmux", "we'ird cmd $(x)"));
    ExecResult result = box.exec(check.render());
    assertEquals(List.of("no-such-cmd-xyz", "we'ird cmd $(x)"), check.parse(result));
    assertEquals(
        List.of(),
        new DependencyCheckCommand(List.of("sh"))
            .parse(box.exec(new DependencyCheckCommand(List.of("sh")).render())));
    assertThrows(IllegalArgumentException.class, () -> new DependencyCheckCommand(List.of("-v")));
  }

  @Test
  void oauthDirectoriesAreCreatedPrivate() throws Exception {
    String a = box.root + "/.creds";
    String b = box.root + "/home 'x'/.codex";
    ExecResult result = box.exec(OAuthSeedCommand.prepareDirectories(List.of(a, b)));
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(
        "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(a))));
    assertEquals(
        "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(b))));
  }

  /** A launcher that prints its argv NUL-separated, and its working directory. */
  String argvLauncher() {
    return box.script("bin/argv ü", "printf '%s\\n' \"$PWD\"; printf '%s\\0' \"$@\"\n");
  }

  @Test
  void megaplanWrappersPassEveryValueAsOneArgument() throws Exception {
    String ws = box.root.resolve("ws 'q' $(x)").toString();
    Files.createDirectories(Path.of(ws));
    String launcher = argvLauncher();

    ExecResult init =
        box.exec(MegaplanCommands.init(launcher, ws, "heavy", Optional.of("my plan")));
    assertEquals(
        ws
            + "\ninit\0--project-dir\0"
            + ws
            + "\0--idea-file\0"
            + ws
            + "/idea.txt\0--auto-start\0--robustness\0heavy\0--name\0my plan\0",
        init.stdout());
    ExecResult status = box.exec(MegaplanCommands.status(launcher, ws, Optional.empty()));
    assertEquals(ws + "\nstatus\0", status.stdout());
    ExecResult step =
        box.exec(MegaplanCommands.step(launcher, ws, "execute; rm -rf /", Optional.of("p 'x'")));
    assertEquals(ws + "\nexecute; rm -rf /\0--plan\0p 'x'\0", step.stdout());
    assertThrows(
        IllegalArgumentException.class,
        () -> MegaplanCommands.step(launcher, ws, " ", Optional.empty()));
  }

  @Test
  void chainCommandClonesMegaplanAndNeverCarriesTheToken() throws Exception {
    String bare = GitFixture.bareRepo(box, "megaplan src");
    String src = box.root + "/arnold 'src'";
    String log = box.root + "/logs/chain.log";
    Files.createDirectories(Path.of(log).getParent());
    ChainCommand chain =
        new ChainCommand(
            argvLauncher(),
            "/w/chain.yaml",
            log,
            false,
            true,
            Optional.of(new MegaplanRefresh(Optional.of(bare), "main", src)));
    box.env.put("GITHUB_TOKEN", "s3cr3t-token");
    box.script("pip-bin/pip", "echo \"fake-pip: $*\"\n");
    box.env.put("PATH", box.root.resolve("pip-bin") + ":" + System.getenv("PATH"));

    ExecResult result = box.exec(chain.render());

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(Files.exists(Path.of(src, "README")));
    String logText = Files.readString(Path.of(log));
    assertTrue(logText.contains("chain\0start\0--spec\0/w/chain.yaml\0--one\0"), logText);
    assertTrue(logText.contains("fake-pip: install -e " + src), logText);
    assertFalse(chain.render().contains("s3cr3t"));
    assertFalse(Files.readString(Path.of(src, ".git/config")).contains("s3cr3t"));
  }

  @Test
  void credentialHelperReadsTheTokenAtRunTime() {
    box.env.put("GITHUB_TOKEN", "tok-123");
    ExecResult result =
        box.exec(
            ChainCommand.GIT_WITH_TOKEN_HELPER
                + "; printf 'protocol=https\\nhost=example.invalid\\n\\n' | mp_git credential fill");
    assertTrue(result.stdout().contains("username=x-access-token"), result.toString());
    assertTrue(result.stdout().contains("password=tok-123"), result.toString());
  }

  @Test
  void missingMegaplanCloneIsReportedAndSkipped() throws Exception {
    String log = box.root + "/chain.log";
    ChainCommand chain =
        new ChainCommand(
            argvLauncher(),
            "/w/c.yaml",
            log,
            true,
            false,
            Optional.of(new MegaplanRefresh(Optional.empty(), "main", box.root + "/none")));
    ExecResult result = box.exec(chain.render());
    assertEquals(0, result.exitCode(), result.toString());
    String logText = Files.readString(Path.of(log));
    assertTrue(
        logText.contains("megaplan clone missing at " + box.root + "/none; skipping refresh"),
        logText);
    assertTrue(logText.contains("--no-git-refresh\0"), logText);
  }

  @Test
  void syncRefreshCallsMegaplansModuleWithLiteralValues() throws Exception {
    RequiredTool.require("python3", "python3");
    Path pkg = box.root.resolve("py/arnold/pipelines/megaplan");
    Files.createDirectories(pkg);
    for (Path p :
        List.of(box.root.resolve("py/arnold"), box.root.resolve("py/arnold/pipelines"), pkg)) {
      Files.writeString(p.resolve("__init__.py"), "");
    }
    Path record = box.root.resolve("record.json");
    Files.writeString(
        pkg.resolve("chain.py"),
        String.join(
            "\n",
            "import json",
            "RECORD = "
                + dev.megaplan.cloud.core.internal.shell.JsonLiteral.python(record.toString()),
            "calls = []",
            "class S: pass",
            "def _capture_sync_state(root, spec, branch=None, pr_number=None, extra_repos=None):",
            "    calls.append({'root': str(root), 'spec': str(spec), 'branch': branch, 'pr': pr_number, 'extra': extra_repos})",
            "def load_chain_state(spec):",
            "    return S()",
            "def save_chain_state(spec, s):",
            "    calls.append({'ws': s.resolved_workspace, 'session': s.chain_session})",
            "    open(RECORD, 'w').write(json.dumps(calls))",
            ""));
    String ws = box.root.resolve("ws \"q\" 'é' 🎉").toString();
    Files.createDirectories(Path.of(ws));
    box.env.put("PYTHONPATH", box.root.resolve("py").toString());
    SyncRefreshCommand command =
        new SyncRefreshCommand(
            ws,
            ws + "/chain.yaml",
            OptionalLong.of(42),
            List.of("a\\b", "c\"d"),
            "megaplan-chain-ü");

    ExecResult result = box.exec(command.render());

    assertEquals(Optional.empty(), SyncRefreshCommand.parse(result), result.toString());
    var calls =
        dev.megaplan.cloud.core.internal.json.Json.mapper().readTree(Files.readString(record));
    assertEquals(ws, calls.get(0).get("root").asText());
    assertEquals(ws + "/chain.yaml", calls.get(0).get("spec").asText());
    assertTrue(calls.get(0).get("branch").isNull());
    assertEquals(42, calls.get(0).get("pr").asInt());
    assertEquals("a\\b", calls.get(0).get("extra").get(0).asText());
    assertEquals("c\"d", calls.get(0).get("extra").get(1).asText());
    assertEquals(ws, calls.get(1).get("ws").asText());
    assertEquals("megaplan-chain-ü", calls.get(1).get("session").asText());
    assertTrue(command.snippet().chars().allMatch(c -> c < 0x80), "the snippet is pure ASCII");
  }

  @Test
  void syncRefreshWithoutMegaplanFailsWithTheImportError() {
    RequiredTool.require("python3", "python3");
    SyncRefreshCommand command =
        new SyncRefreshCommand(
            box.root.toString(),
            "/w/chain.yaml",
            OptionalLong.empty(),
            List.of(),
            "megaplan-chain");
    Optional<String> reason = SyncRefreshCommand.parse(box.exec(command.render()));
    assertTrue(reason.orElseThrow().contains("ModuleNotFoundError"), reason.toString());
    assertTrue(command.snippet().contains("pr_number=None, extra_repos=None"), command.snippet());
  }

  @Test
  void quotingHelpersAreTheOnlyPathForValues() {
    assertEquals(
        "cd '/a b' && x status --plan 'p'\"'\"'q'",
        MegaplanCommands.status("x", "/a b", Optional.of("p'q")));
    assertEquals("x='y'", ShellQuote.assign("x", "y"));
  }
}
