package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Ensure repos (03): for each checkout, in order, {@code mkdir -p <parent>} then {@code git clone
 * --branch B -- URL WS} only when {@code WS/.git} is missing. Every failure prints a marker line
 * {@code ENSURE_REPO_FAILED <index>} on stdout (and the human form on stderr) and the command exits
 * 1 after trying them all; {@link #parse} maps the indexes back to the checkouts, so values with
 * any characters are reported exactly. Git never prompts ({@code GIT_TERMINAL_PROMPT=0}).
 *
 * @param checkouts the primary repo, then each extra repo
 */
public record EnsureReposCommand(List<Checkout> checkouts) {
  /** The stdout marker of one failed checkout. */
  static final String FAILED_MARKER = "ENSURE_REPO_FAILED ";

  /** Copies the list. */
  public EnsureReposCommand {
    checkouts = List.copyOf(checkouts);
  }

  /**
   * One repo to have on the box.
   *
   * @param url the git URL
   * @param branch the branch to clone
   * @param workspace the remote checkout directory
   */
  public record Checkout(String url, String branch, String workspace) {
    /** Checks the components. */
    public Checkout {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(branch, "branch");
      Objects.requireNonNull(workspace, "workspace");
    }

    /**
     * How errors name it.
     *
     * @return {@code url@branch into workspace}
     */
    public String describe() {
      return url + "@" + branch + " into " + workspace;
    }
  }

  /**
   * The shell text.
   *
   * @return the command
   */
  public String render() {
    List<String> lines = new ArrayList<>();
    lines.add("rc=0");
    for (int i = 0; i < checkouts.size(); i++) {
      Checkout c = checkouts.get(i);
      String ws = quote(c.workspace());
      lines.add(
          "if [ ! -d "
              + quote(c.workspace() + "/.git")
              + " ]; then mkdir -p -- "
              + quote(RemotePaths.parent(c.workspace()))
              + " && GIT_TERMINAL_PROMPT=0 git clone --branch "
              + quote(c.branch())
              + " -- "
              + quote(c.url())
              + " "
              + ws
              + " </dev/null || { echo '"
              + FAILED_MARKER
              + i
              + "'; echo "
              + quote("clone failed: " + c.describe())
              + " >&2; rc=1; }; fi");
    }
    lines.add("exit \"$rc\"");
    return String.join("\n", lines);
  }

  /**
   * The checkouts that failed.
   *
   * @param result what the command returned
   * @return the failed checkouts in order; empty on success
   * @throws CloudException {@code provider_failed} when the command failed without naming a
   *     checkout (a transport or shell failure the caller reports as a whole)
   */
  public List<Checkout> parse(ExecResult result) {
    Set<Checkout> failed = new LinkedHashSet<>();
    for (String line : result.stdout().split("\n")) {
      if (line.startsWith(FAILED_MARKER)) {
        int index = Integer.parseInt(line.substring(FAILED_MARKER.length()).strip());
        failed.add(checkouts.get(index));
      }
    }
    if (!result.succeeded() && failed.isEmpty()) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "ensure repos exited "
              + result.exitCode()
              + " without naming a repo: "
              + ProbeJson.tail(result.stderr()));
    }
    return List.copyOf(failed);
  }
}
