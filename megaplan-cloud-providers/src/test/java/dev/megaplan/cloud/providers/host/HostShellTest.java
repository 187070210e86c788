package dev.megaplan.cloud.providers.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HostShellTest {
  @TempDir Path temp;
  private final HostBoxes boxes = new HostBoxes();

  @AfterEach
  void killServers() {
    boxes.close();
  }

  private RemoteShell shell() {
    return boxes.open(temp.resolve("root")).remoteShell().orElseThrow();
  }

  private static boolean goneWithin(long pid, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true)) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Test
  void aTimeoutKillsTheCommandsChildProcessesToo() throws Exception {
    RemoteShell shell = shell();
    Path pidFile = temp.resolve("sleep.pid");
    long start = System.nanoTime();
    CloudException failure =
        assertThrows(
            CloudException.class,
            () ->
                shell.exec("sleep 30 & echo $! > '" + pidFile + "'; wait", Duration.ofSeconds(1)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("timed out after 1 s"), failure.getMessage());
    assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "took " + took);
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    assertTrue(goneWithin(pid, Duration.ofSeconds(5)), "sleep " + pid + " survived the timeout");
  }

  @Test
  void aBackgroundProcessHoldingTheOutputOpenIsKilledAtTheTimeout() throws Exception {
    RemoteShell shell = shell();
    Path pidFile = temp.resolve("orphan.pid");
    CloudException failure =
        assertThrows(
            CloudException.class,
            () ->
                shell.exec(
                    "( sleep 30 & echo $! > '" + pidFile + "' ); echo started",
                    Duration.ofSeconds(1)));

    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("kept its output open"), failure.getMessage());
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    assertTrue(goneWithin(pid, Duration.ofSeconds(5)), "orphan " + pid + " survived");
  }

  @Test
  void commandsRunInBashWithoutALoginShellInTheRoot() {
    ExecResult result =
        shell().exec("shopt -q login_shell && echo login || echo plain; pwd; echo $BASH_VERSION");
    List<String> lines = result.stdout().lines().collect(Collectors.toList());
    assertEquals("plain", lines.get(0));
    assertEquals(temp.resolve("root").toString(), lines.get(1));
    assertFalse(lines.get(2).isBlank());
  }

  @Test
  void theEnvironmentIsExactlyThePassedVariables() {
    Map<String, String> local =
        Map.of(
            "PATH", "/usr/bin:/bin",
            "HOME", "/home/someone",
            "LANG", "C.UTF-8",
            "OPENAI_API_KEY", "sk-configured",
            "UNLISTED_VAR", "must-not-pass",
            "TMUX", "/tmp/x,1,0");
    RemoteShell shell =
        boxes
            .open(
                temp.resolve("root"),
                settings ->
                    settings.environment(local::get).passVariables(List.of("OPENAI_API_KEY")))
            .remoteShell()
            .orElseThrow();
    Set<String> names =
        shell
            .exec("env -0 | tr '\\0' '\\n' | cut -d= -f1")
            .stdout()
            .lines()
            .collect(Collectors.toSet());
    names.removeAll(Set.of("PWD", "SHLVL", "_"));
    assertEquals(Set.of("PATH", "HOME", "LANG", "OPENAI_API_KEY"), names);
  }

  @Test
  void anUploadThroughAFileFailsNamingThePathAndWhatWasUploadedBefore() throws Exception {
    RemoteShell shell = shell();
    Path blocker = temp.resolve("root/blocker");
    Files.createDirectories(blocker.getParent());
    Files.writeString(blocker, "a file");
    String first = temp.resolve("root/ok.txt").toString();
    String bad = blocker.resolve("child.txt").toString();

    CloudException failure =
        assertThrows(
            CloudException.class,
            () ->
                shell.upload(
                    List.of(
                        Upload.of(first, "ok".getBytes(StandardCharsets.UTF_8)),
                        Upload.of(bad, "no".getBytes(StandardCharsets.UTF_8)))));

    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertEquals(bad, failure.context().get("remote_path"));
    assertEquals(List.of(first), failure.context().get("uploaded"));
    assertEquals("a file", Files.readString(blocker));
  }

  @Test
  void relativePathsAreRejected() {
    RemoteShell shell = shell();
    assertEquals(
        ErrorCode.INVALID_ARGS,
        assertThrows(CloudException.class, () -> shell.read("relative/x")).code());
    assertEquals(
        ErrorCode.INVALID_ARGS,
        assertThrows(
                CloudException.class,
                () -> shell.upload(List.of(Upload.of("x.txt", new byte[] {1}))))
            .code());
  }

  @Test
  void readingAMissingFileUnderAMissingDirectoryIsEmpty() {
    assertEquals(Optional.empty(), shell().read(temp.resolve("nope/none/x").toString()));
  }
}
