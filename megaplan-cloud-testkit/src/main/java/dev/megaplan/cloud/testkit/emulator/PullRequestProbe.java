package dev.megaplan.cloud.testkit.emulator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Asks GitHub for a PR's state the way megaplan does: {@code gh pr view <n> --json state --jq
 * .state}, run in the workspace with whatever {@code gh} is first on the PATH (tests put a stand-in
 * there), stdin closed and a timeout.
 */
final class PullRequestProbe {
  /** What the probe answers when {@code gh} is missing, fails or times out. */
  static final String UNKNOWN = "UNKNOWN";

  private static final long TIMEOUT_SECONDS = 60;

  /** The PR's state in upper case ({@code OPEN}, {@code MERGED}, …) or {@link #UNKNOWN}. */
  String state(long prNumber, Path workingDirectory) {
    Path output = null;
    try {
      output = Files.createTempFile("megaplan-emulator-gh-", ".out");
      Process process =
          new ProcessBuilder(
                  List.of(
                      "gh",
                      "pr",
                      "view",
                      Long.toString(prNumber),
                      "--json",
                      "state",
                      "--jq",
                      ".state"))
              .directory(workingDirectory.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(output.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return UNKNOWN;
      }
      if (process.exitValue() != 0) {
        return UNKNOWN;
      }
      String state = TextFiles.readText(output).trim().toUpperCase(Locale.ROOT);
      return state.isEmpty() ? UNKNOWN : state;
    } catch (IOException notRunnable) {
      return UNKNOWN;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return UNKNOWN;
    } finally {
      deleteQuietly(output);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }
}
