package dev.megaplan.cloud.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class HostBoxTest {
  @Test
  void closingTheBoxKillsItsTmuxServerAndDeletesEverything() throws Exception {
    HostBox box = HostBox.open();
    Provider provider = box.provider();
    RemoteShell shell = provider.remoteShell().orElseThrow();
    assertEquals(
        0, shell.exec(provider.tmuxCommand() + " new-session -d -s boxed 'sleep 300'").exitCode());
    Path root = box.root();
    assertTrue(root.startsWith(box.home()));
    long server =
        Long.parseLong(
            shell.exec(provider.tmuxCommand() + " display-message -p '#{pid}'").stdout().strip());
    assertTrue(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false));

    box.close();

    assertFalse(Files.exists(box.home()));
    assertTrue(goneWithin(server, Duration.ofSeconds(5)), "tmux server " + server + " survived");
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
  @ExtendWith(HostBoxExtension.class)
  void theExtensionInjectsABoxAsAParameter(HostBox box, Provider provider) {
    assertEquals(box.provider(), provider);
    assertEquals("host", provider.name());
    assertTrue(Files.isDirectory(box.home()));
  }
}
