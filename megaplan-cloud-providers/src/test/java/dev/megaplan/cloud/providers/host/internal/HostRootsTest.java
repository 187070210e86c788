package dev.megaplan.cloud.providers.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostRootsTest {
  private static final String ROOT = "/home/u/.megaplan/cloud/host/app";

  @Test
  void workspaceItselfMapsToTheRoot() {
    assertEquals(ROOT, HostRoots.toLocal(ROOT, "/workspace"));
  }

  @Test
  void pathsUnderWorkspaceMapUnderTheRoot() {
    assertEquals(ROOT + "/app", HostRoots.toLocal(ROOT, "/workspace/app"));
    assertEquals(ROOT + "/a/b/chain.yaml", HostRoots.toLocal(ROOT, "/workspace/a/b/chain.yaml"));
    assertEquals(ROOT + "/", HostRoots.toLocal(ROOT, "/workspace/"));
  }

  @Test
  void lookalikesAndOtherPathsAreLeftAlone() {
    assertEquals("/workspacefoo", HostRoots.toLocal(ROOT, "/workspacefoo"));
    assertEquals("/workspacefoo/x", HostRoots.toLocal(ROOT, "/workspacefoo/x"));
    assertEquals("/srv/workspace/x", HostRoots.toLocal(ROOT, "/srv/workspace/x"));
    assertEquals("/root/.codex/auth.json", HostRoots.toLocal(ROOT, "/root/.codex/auth.json"));
    assertEquals("relative/workspace", HostRoots.toLocal(ROOT, "relative/workspace"));
  }

  @Test
  void theDefaultRootIsNamedAfterTheRepositoryDirectory() {
    Path home = Path.of("/home/u");
    assertEquals(
        Path.of("/home/u/.megaplan/cloud/host/my-app"),
        HostRoots.defaultRoot(home, "https://github.com/org/My App.git"));
    assertEquals("repo", HostRoots.repoDir("git@github.com:org/repo.git"));
    assertEquals("repo", HostRoots.repoDir("git@host:repo.git"));
    assertEquals("tool", HostRoots.repoDir("https://example.com/x/tool/"));
    assertEquals("app", HostRoots.repoDir("https://example.com/x/.git"));
    assertEquals("app", HostRoots.repoDir(""));
    assertEquals("a.b_c-d", HostRoots.repoDir("https://h/o/-A.b_c  d-.git"));
  }

  @Test
  void theFallbackSocketIsAStableHashOfTheRoot() {
    Path tmp = Path.of("/tmp");
    Path longRoot = Path.of("/" + "r".repeat(120));
    Path socket = TmuxSocket.forRoot(longRoot, tmp);
    assertEquals(socket, TmuxSocket.forRoot(longRoot, tmp));
    assertNotEquals(socket, TmuxSocket.forRoot(Path.of("/" + "s".repeat(120)), tmp));
    assertEquals(Path.of("/short/.megaplan/tmux.sock"), TmuxSocket.forRoot(Path.of("/short"), tmp));
  }

  @Test
  void theLaunchersProgramIsItsFirstWordAfterAssignments() {
    assertEquals(
        Optional.of("python"), LauncherWord.program("python -m arnold.pipelines.megaplan"));
    assertEquals(
        Optional.of("/abs/bin/megaplan-emulator"),
        LauncherWord.program("  /abs/bin/megaplan-emulator --x"));
    assertEquals(Optional.of("/opt/my tools/mp"), LauncherWord.program("'/opt/my tools/mp' chain"));
    assertEquals(Optional.of("/a b/c"), LauncherWord.program("X=1 Y='2 3' \"/a b\"/c"));
    assertEquals(Optional.empty(), LauncherWord.program("  "));
  }
}
