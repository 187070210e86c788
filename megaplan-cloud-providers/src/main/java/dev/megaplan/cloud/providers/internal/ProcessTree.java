package dev.megaplan.cloud.providers.internal;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Kills a child process together with everything it started: the descendants still attached to it,
 * and (when the child leads its own process group, see {@link ProcessRunner}) orphans left in that
 * group.
 */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * Kills a process, its descendants and, when asked, its process group.
   *
   * @param process the child
   * @param ownGroup whether the child leads a process group of its own
   */
  static void kill(Process process, boolean ownGroup) {
    List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
    if (ownGroup) {
      killGroup(process.pid());
    }
    for (ProcessHandle handle : descendants) {
      handle.destroyForcibly();
    }
    process.destroyForcibly();
    for (ProcessHandle handle : descendants) {
      handle.destroyForcibly();
    }
  }

  /**
   * Sends SIGKILL to a process group through {@code kill}, which the JDK cannot do itself.
   *
   * @param groupId the group id (the pid of its leader)
   */
  static void killGroup(long groupId) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-KILL", "--", "-" + groupId)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!kill.waitFor(5, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
      }
    } catch (IOException e) {
      // no kill binary: the descendants are still killed one by one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
