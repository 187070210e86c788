package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The remote dependency check (03 §4): one call, {@code command -v} for each required command,
 * printing {@code MISSING <index>} for each that is absent.
 *
 * @param commands the command names ({@code tmux}, {@code codex}, {@code claude}, {@code bun}…)
 */
public record DependencyCheckCommand(List<String> commands) {
  private static final String MISSING = "MISSING ";

  /** Copies and checks the list. */
  public DependencyCheckCommand {
    commands = List.copyOf(commands);
    for (String command : commands) {
      if (command.isEmpty() || command.startsWith("-")) {
        throw new IllegalArgumentException("not a command name: " + command);
      }
    }
  }

  /**
   * The shell text.
   *
   * @return the command
   */
  public String render() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      lines.add(
          "command -v "
              + quote(commands.get(i))
              + " >/dev/null 2>&1 || echo '"
              + MISSING
              + i
              + "'");
    }
    lines.add("exit 0");
    return String.join("\n", lines);
  }

  /**
   * The missing commands.
   *
   * @param result what the command returned
   * @return the missing names, in the order asked
   * @throws CloudException {@code provider_failed} when the check itself failed
   */
  public List<String> parse(ExecResult result) {
    if (!result.succeeded()) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "dependency check exited " + result.exitCode() + ": " + ProbeJson.tail(result.stderr()));
    }
    List<String> missing = new ArrayList<>();
    for (String line : result.stdout().split("\n")) {
      if (line.startsWith(MISSING)) {
        missing.add(commands.get(Integer.parseInt(line.substring(MISSING.length()).strip())));
      }
    }
    return List.copyOf(missing);
  }
}
