package dev.megaplan.cloud.core.internal.remote;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.ProcessRunner;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real "box" for tests: a temp root whose path has spaces, quotes and non-ASCII, a private tmux
 * server socket, and {@code bash -c} with a timeout. {@link #close()} kills the tmux server and
 * deletes the root.
 */
final class Box implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  final Path root;
  final Path socket;
  final String tmux;
  final Map<String, String> env = new HashMap<>();

  Box() {
    try {
      root = Files.createTempDirectory("mp box 'q' é-").toRealPath();
      socket = root.resolve("t.sock");
      tmux = "tmux -S " + ShellQuote.quote(socket.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ExecResult exec(String script) {
    ProcessRunner.Result r = ProcessRunner.run(List.of("bash", "-c", script), null, env, TIMEOUT);
    return ExecResult.of(r.exitCode(), r.out(), r.err());
  }

  ExecResult tmux(String args) {
    return exec(tmux + " " + args);
  }

  boolean hasSession(String session) {
    return tmux("has-session -t " + ShellQuote.quote("=" + session)).exitCode() == 0;
  }

  /** The pid of the session's first pane: changes when the session is recreated. */
  String panePid(String session) {
    return tmux("list-panes -t " + ShellQuote.quote("=" + session) + " -F '#{pane_pid}'")
        .stdout()
        .strip();
  }

  Path write(String relative, String content) {
    try {
      Path path = root.resolve(relative);
      Files.createDirectories(path.getParent());
      Files.writeString(path, content, StandardCharsets.UTF_8);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes an executable bash script and returns the launcher fragment that runs it (its path,
   * quoted, as a user would write it in cloud.yaml).
   */
  String script(String relative, String body) {
    Path path = write(relative, "#!/usr/bin/env bash\n" + body);
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ShellQuote.quote(path.toString());
  }

  /**
   * A fake megaplan: {@code chain start} appends its argv to the log (stdout) and sleeps, so the
   * session stays alive; {@code status} and {@code verify-human} print JSON naming their plan.
   */
  String fakeLauncher() {
    return script(
        "bin/fake megaplan ü",
        String.join(
            "\n",
            "case \"$1\" in",
            "  chain) echo \"chain-args: $*\"; echo \"trusted=$MEGAPLAN_TRUSTED_CONTAINER\"; exec sleep 30 ;;",
            "  status) printf '{\"plan\": \"%s\", \"status\": \"running\", \"cwd\": \"%s\"}\\n' \"$3\" \"$PWD\";"
                + " echo status-stderr >&2 ;;",
            "  verify-human) printf '{\"semantics\": \"latest_verdict\", \"trusted\": \"%s\", \"plan\": \"%s\"}\\n'"
                + " \"$MEGAPLAN_TRUSTED_CONTAINER\" \"$4\"; exit 3 ;;",
            "  *) echo \"unsupported: $*\" >&2; exit 2 ;;",
            "esac",
            ""));
  }

  @Override
  public void close() {
    exec(tmux + " kill-server 2>/dev/null; true");
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }
}
