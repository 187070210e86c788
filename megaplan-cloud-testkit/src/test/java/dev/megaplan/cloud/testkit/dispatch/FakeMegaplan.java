package dev.megaplan.cloud.testkit.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test fixtures for real launches on a host box: a fake megaplan launcher script and a throwaway
 * local git repository.
 */
final class FakeMegaplan {
  private FakeMegaplan() {}

  /**
   * A bash script standing for megaplan. {@code chain start --spec S} writes a state JSON at the 02
   * path of S (index 0, running), prints a line and {@code $FAKE_SECRET}, and sleeps; {@code init
   * --project-dir D … [--name N]} creates {@code D/.megaplan/plans/<N or auto-plan>} and prints a
   * line with {@code $MY_TOKEN}.
   */
  static Path launcher(Path dir) {
    String script =
        String.join(
            "\n",
            "#!/usr/bin/env bash",
            "cmd=\"$1\"; shift",
            "case \"$cmd\" in",
            "  chain)",
            "    shift; spec=",
            "    while [ $# -gt 0 ]; do case \"$1\" in --spec) spec=\"$2\"; shift 2;; *) shift;;"
                + " esac; done",
            "    d=$(dirname \"$spec\"); b=$(basename \"$spec\"); stem=\"${b%.*}\"",
            "    h=$(printf '%s' \"$spec\" | sha1sum | cut -c1-12)",
            "    mkdir -p \"$d/.megaplan/plans/.chains\"",
            "    printf '{\"current_milestone_index\": 0, \"last_state\": \"running\","
                + " \"completed\": []}' > \"$d/.megaplan/plans/.chains/$stem-$h.json\"",
            "    echo \"fake chain start $spec\"",
            "    sleep 60",
            "    ;;",
            "  init)",
            "    pd=; name=auto-plan",
            "    while [ $# -gt 0 ]; do case \"$1\" in --project-dir) pd=\"$2\"; shift 2;;"
                + " --name) name=\"$2\"; shift 2;; *) shift;; esac; done",
            "    mkdir -p \"$pd/.megaplan/plans/$name\"",
            "    echo \"init ok $name in $pd token=${MY_TOKEN:-none}\"",
            "    echo \"warning: $(cat \"$pd/idea.txt\")\" >&2",
            "    exit 3",
            "    ;;",
            "esac",
            "");
    try {
      Path file = dir.resolve("fake megaplan's \"bin\"");
      Files.createDirectories(file.getParent());
      Files.writeString(file, script);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The launcher as a cloud.yaml {@code megaplan.command} value (single-quoted for the shell). */
  static String command(Path launcher) {
    return "'" + launcher.toString().replace("'", "'\"'\"'") + "'";
  }

  /** A git repository with one commit on {@code main}, made without touching global config. */
  static Path gitRepo(Path dir) {
    Path repo = dir.resolve("origin repo.git");
    run(dir, "git", "-c", "init.defaultBranch=main", "init", "-q", repo.toString());
    run(
        repo,
        "git",
        "-c",
        "user.name=x",
        "-c",
        "user.email=y@example.invalid",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "init");
    return repo;
  }

  private static void run(Path cwd, String... command) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(List.of(command)).directory(cwd.toFile()).redirectErrorStream(true);
      builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
      builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "failed: "
                + String.join(" ", command)
                + ": "
                + new String(process.getInputStream().readAllBytes()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
