package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The supervisor's sync refresh (05 step 2): {@code cd WS && python3 -c SNIPPET}, where the snippet
 * asks megaplan's own chain module to recompute branch/PR sync ({@code _capture_sync_state}) and
 * then persists {@code resolved_workspace} and {@code chain_session} into the chain state through
 * megaplan's load/save functions. It is the project's only Python on the box, on purpose: it calls
 * megaplan's module. Every value inside the snippet is a Python literal ({@link
 * JsonLiteral#python}); the snippet as a whole is one shell word.
 *
 * <p>With the emulator (no megaplan module) the import fails: {@link #parse} then reports {@code
 * failed} with the Python error's last line.
 *
 * @param workspace the resolved workspace
 * @param remoteSpec the remote chain spec path
 * @param prNumber the chain's PR number, if any
 * @param extraRepos the resolved extra repos (empty → {@code None})
 * @param session the resolved session
 */
public record SyncRefreshCommand(
    String workspace,
    String remoteSpec,
    OptionalLong prNumber,
    List<String> extraRepos,
    String session) {

  /**
   * megaplan's chain module. The launcher default is {@code python -m arnold.pipelines.megaplan},
   * so the chain driver lives in its {@code chain} submodule; {@code _capture_sync_state}, {@code
   * load_chain_state} and {@code save_chain_state} are what the Python tool's supervisor imports
   * from it. Private megaplan API: if megaplan moves them, only this constant and the snippet
   * change.
   */
  public static final String MEGAPLAN_CHAIN_MODULE = "arnold.pipelines.megaplan.chain";

  /** Copies the list. */
  public SyncRefreshCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(remoteSpec, "remoteSpec");
    Objects.requireNonNull(prNumber, "prNumber");
    extraRepos = List.copyOf(extraRepos);
    Objects.requireNonNull(session, "session");
  }

  /**
   * The Python snippet.
   *
   * @return Python source, pure ASCII
   */
  public String snippet() {
    String spec = "Path(" + JsonLiteral.python(remoteSpec) + ")";
    return String.join(
        "\n",
        "from pathlib import Path",
        "from "
            + MEGAPLAN_CHAIN_MODULE
            + " import _capture_sync_state, load_chain_state, save_chain_state",
        "_capture_sync_state(Path("
            + JsonLiteral.python(workspace)
            + "), "
            + spec
            + ", branch=None, pr_number="
            + JsonLiteral.python(prNumber)
            + ", extra_repos="
            + (extraRepos.isEmpty() ? "None" : JsonLiteral.pythonList(extraRepos))
            + ")",
        "s = load_chain_state(" + spec + ")",
        "s.resolved_workspace = " + JsonLiteral.python(workspace),
        "s.chain_session = " + JsonLiteral.python(session),
        "save_chain_state(" + spec + ", s)");
  }

  /**
   * The shell text.
   *
   * @return the command
   */
  public String render() {
    return "cd " + quote(workspace) + " && python3 -c " + quote(snippet());
  }

  /**
   * Reads the answer: empty on success, else the failure's reason.
   *
   * @param result what the command returned
   * @return the reason it failed, or empty when it succeeded
   */
  public static Optional<String> parse(ExecResult result) {
    if (result.succeeded()) {
      return Optional.empty();
    }
    return Optional.of(
        "sync refresh exited "
            + result.exitCode()
            + ": "
            + LaunchCommand.lastLine(
                result.stderr().isBlank() ? result.stdout() : result.stderr()));
  }
}
