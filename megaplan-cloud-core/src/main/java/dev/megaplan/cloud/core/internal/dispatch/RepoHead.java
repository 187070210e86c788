package dev.megaplan.cloud.core.internal.dispatch;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.assign;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.provider.RemoteShell;
import java.time.Duration;
import java.util.Optional;

/**
 * The checkout's {@code HEAD} commit and branch, for the launch report (03 §10), in one remote
 * call. Best effort: anything unreadable is empty.
 *
 * @param head the commit, if known
 * @param checkedOutBranch the branch checked out, if known
 */
public record RepoHead(Optional<String> head, Optional<String> checkedOutBranch) {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * The shell text.
   *
   * @param workspace the checkout
   * @return the command
   */
  static String render(String workspace) {
    return String.join(
        "\n",
        assign("ws", workspace),
        "printf 'HEAD %s\\n' \"$(git -C \"$ws\" rev-parse HEAD 2>/dev/null)\"",
        "printf 'BRANCH %s\\n' \"$(git -C \"$ws\" rev-parse --abbrev-ref HEAD 2>/dev/null)\"");
  }

  /**
   * Reads the facts.
   *
   * @param shell the box's shell
   * @param workspace the checkout
   * @return the facts; empty ones when the call failed
   */
  public static RepoHead read(RemoteShell shell, String workspace) {
    try {
      String out = shell.exec(render(workspace), TIMEOUT).stdout();
      Optional<String> head = Optional.empty();
      Optional<String> branch = Optional.empty();
      for (String line : out.split("\n")) {
        if (line.startsWith("HEAD ")) {
          head = nonBlank(line.substring(5));
        } else if (line.startsWith("BRANCH ")) {
          branch = nonBlank(line.substring(7));
        }
      }
      return new RepoHead(head, branch);
    } catch (CloudException e) {
      return new RepoHead(Optional.empty(), Optional.empty());
    }
  }

  private static Optional<String> nonBlank(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
  }
}
