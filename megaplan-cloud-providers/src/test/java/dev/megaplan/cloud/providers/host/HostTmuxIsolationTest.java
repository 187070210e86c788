package dev.megaplan.cloud.providers.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HostTmuxIsolationTest {
  @TempDir Path temp;
  private final HostBoxes boxes = new HostBoxes();

  @AfterEach
  void killServers() {
    boxes.close();
  }

  private static void startSession(HostProvider provider, String session) {
    RemoteShell shell = provider.remoteShell().orElseThrow();
    ExecResult result =
        shell.exec(provider.tmuxCommand() + " new-session -d -s " + session + " 'sleep 300'");
    assertEquals(0, result.exitCode(), result.stderr());
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aSessionStartedThroughTheHostShellIsInvisibleToTheDefaultTmuxServer() throws Exception {
    HostProvider provider = boxes.open(temp.resolve("root"));
    String session = unique("iso");
    startSession(provider, session);

    assertEquals(List.of(session), provider.sessions());
    ProcessBuilder defaultLs =
        new ProcessBuilder("tmux", "list-sessions", "-F", "#{session_name}")
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    defaultLs.environment().remove("TMUX");
    Process ls = defaultLs.start();
    assertTrue(ls.waitFor(20, TimeUnit.SECONDS));
    String listed = new String(ls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertFalse(listed.lines().anyMatch(session::equals), listed);
  }

  @Test
  void twoRootsDoNotSeeEachOthersSessions() {
    HostProvider first = boxes.open(temp.resolve("one"));
    HostProvider second = boxes.open(temp.resolve("two"));
    startSession(first, "alpha");
    startSession(second, "beta");

    assertEquals(List.of("alpha"), first.sessions());
    assertEquals(List.of("beta"), second.sessions());
  }

  @Test
  void downStopsOnlyThisRootsSessions() {
    HostProvider first = boxes.open(temp.resolve("one"));
    HostProvider second = boxes.open(temp.resolve("two"));
    startSession(first, "alpha");
    startSession(second, "beta");

    first.down();

    assertEquals(List.of(), first.sessions());
    assertEquals(List.of("beta"), second.sessions());
  }

  @Test
  void downWithoutARunningServerIsFine() {
    HostProvider provider = boxes.open(temp.resolve("idle"));
    provider.down();
    provider.down();
    assertEquals(List.of(), provider.sessions());
  }

  @Test
  void aTmuxVariableInTheLocalEnvironmentNeitherLeaksNorRedirectsSessions() {
    HostProvider other = boxes.open(temp.resolve("other"));
    startSession(other, "decoy");
    Map<String, String> env =
        HostBoxes.environment(Map.of("TMUX", other.tmuxSocket() + ",12345,0", "TMUX_PANE", "%3"));
    HostProvider provider =
        boxes.open(temp.resolve("root"), settings -> settings.environment(env::get));
    RemoteShell shell = provider.remoteShell().orElseThrow();

    assertEquals("unset|unset\n", shell.exec("echo \"${TMUX-unset}|${TMUX_PANE-unset}\"").stdout());
    startSession(provider, "mine");
    assertEquals(List.of("mine"), provider.sessions());
    assertEquals(List.of("decoy"), other.sessions());
    ExecResult insideSession =
        shell.exec(provider.tmuxCommand() + " show-environment -g TMUX_PANE");
    assertFalse(insideSession.stdout().contains("%3"), insideSession.stdout());
  }

  @Test
  void theSocketLivesUnderTheRootWhenItsPathIsShort() {
    Path root = temp.resolve("short");
    HostProvider provider = boxes.open(root);
    assertEquals(root.resolve(".megaplan/tmux.sock"), provider.tmuxSocket());
    assertEquals("tmux -S '" + root + "/.megaplan/tmux.sock'", provider.tmuxCommand());
    assertTrue(Files.isDirectory(root.resolve(".megaplan")));
  }

  @Test
  void aLongRootUsesAShortHashedSocketInTheTempDirectoryAndStillWorks() {
    Path root = temp.resolve("x".repeat(60)).resolve("y".repeat(60));
    Path sockets = temp.resolve("sockets");
    HostProvider provider = boxes.open(root, settings -> settings.tempDir(sockets));

    Path socket = provider.tmuxSocket();
    assertEquals(sockets, socket.getParent());
    assertTrue(
        socket.getFileName().toString().matches("megaplan-tmux-[0-9a-f]{16}\\.sock"),
        socket.toString());
    startSession(provider, "long");
    assertEquals(List.of("long"), provider.sessions());
    assertTrue(Files.exists(socket));
  }

  @Test
  void aQuoteInTheRootIsQuotedInTheTmuxCommand() {
    Path root = temp.resolve("it's");
    HostProvider provider = boxes.open(root);
    assertEquals("tmux -S '" + temp + "/it'\"'\"'s/.megaplan/tmux.sock'", provider.tmuxCommand());
    startSession(provider, "quoted");
    assertEquals(List.of("quoted"), provider.sessions());
  }
}
