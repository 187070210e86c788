package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The supervisor's only mutation (05 "The only two mutations"): restart the canonical session with
 * a one-shot chain tick, under a remote lock.
 *
 * <pre>
 * mkdir -p WS/.megaplan
 * flock -n -E 75 -o WS/.megaplan/supervisor.lock sh -c '
 *   if tmux has-session: marker's remote_spec is not this spec → "ERROR: … refusing restart", exit 17
 *                        the decision saw a dead runner → "already_restarted", exit 0 (another tick won)
 *                        else kill-session
 *   rewrite the marker (same fields, plus restarted_at), atomically
 *   cd -- WS; tmux new-session -d -s S ONE-SHOT-CHAIN-COMMAND; "restarted"'
 * exit 75 → "locked": another supervisor holds the lock
 * </pre>
 *
 * <p>The session gets its working directory from the tmux client's ({@code cd}), never from {@code
 * new-session -c}, which tmux format-expands ({@code #(cmd)} in a directory name would run {@code
 * cmd}); the session name is limited to characters tmux reads literally (see {@link
 * dev.megaplan.cloud.core.internal.shell.BoxValues}).
 *
 * <p>{@code -o} closes the lock's descriptor in the locked command, so the tmux server the restart
 * may start does not inherit it and the lock is released when the script ends. The command runs no
 * git verb (only megaplan's own chain command does) and never writes the chain state file.
 *
 * @param tmux the provider's tmux client prefix, inserted as written
 * @param session the canonical session (letters, digits, {@code _}, {@code -})
 * @param workspace the chain workspace: absolute, normalised, no control characters
 * @param markerPath the session marker path
 * @param chain the chain command; rendered with {@code --one} whatever its own flag says
 * @param observedAlive whether the decision saw the runner alive; when false and the session is
 *     alive inside the lock, someone else restarted it and nothing is done
 * @param identityDigest the identity digest for a marker written from scratch (no marker on the
 *     box)
 * @param chainSlug the chain slug for a marker written from scratch
 */
public record RestartCommand(
    String tmux,
    String session,
    String workspace,
    String markerPath,
    ChainCommand chain,
    boolean observedAlive,
    Optional<String> identityDigest,
    Optional<String> chainSlug) {

  /** Exit status: the session marker names another remote spec; nothing was touched. */
  public static final int MARKER_MISMATCH_EXIT = 17;

  /** Exit status: another supervisor holds the lock; nothing was touched. */
  public static final int LOCKED_EXIT = 75;

  /** Checks the components. */
  public RestartCommand {
    Objects.requireNonNull(tmux, "tmux");
    RemotePaths.checkSession(session);
    RemotePaths.checkPath("workspace", workspace);
    Objects.requireNonNull(markerPath, "markerPath");
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(identityDigest, "identityDigest");
    Objects.requireNonNull(chainSlug, "chainSlug");
  }

  /** How a restart ended. */
  public enum Outcome {
    /** The session was (re)started with a one-shot tick. */
    RESTARTED,
    /** The runner was dead when decided but is alive now: another tick restarted it. */
    ALREADY_RESTARTED,
    /** Another supervisor holds the lock (exit 75). */
    LOCKED,
    /** The session marker names another spec (exit 17). */
    MARKER_MISMATCH,
    /** Anything else. */
    FAILED
  }

  /**
   * A parsed restart answer.
   *
   * @param outcome how it ended
   * @param detail the relevant output
   */
  public record Result(Outcome outcome, String detail) {}

  /**
   * The lock file: {@code <workspace>/.megaplan/supervisor.lock}.
   *
   * @return the path
   */
  public String lockPath() {
    return workspace + "/.megaplan/supervisor.lock";
  }

  /**
   * The shell text.
   *
   * @return the command
   */
  public String render() {
    String inner =
        String.join(
            "\n",
            "session=$1; marker=$2; spec=$3; spec_json=$4; ws=$5; chain=$6; observed_alive=$7;"
                + " fresh_marker=$8",
            "if " + tmux + " has-session -t \"=$session\" 2>/dev/null; then",
            "  marker_text=$(cat \"$marker\" 2>/dev/null) || marker_text=",
            "  case \"$marker_text\" in",
            "    *\"\\\"remote_spec\\\": $spec_json\"*|*\"\\\"remote_spec\\\":$spec_json\"*) ;;",
            "    *) echo \"ERROR: $session session marker does not match $spec; refusing restart\";"
                + " exit "
                + MARKER_MISMATCH_EXIT
                + " ;;",
            "  esac",
            "  if [ \"$observed_alive\" != true ]; then echo already_restarted; exit 0; fi",
            "  " + tmux + " kill-session -t \"=$session\" || exit 1",
            "fi",
            "now=$(date -u +%Y-%m-%dT%H:%M:%SZ)",
            "tmp=\"$marker.tmp.$$\"",
            "mkdir -p \"${marker%/*}\" || exit 1",
            "if [ -f \"$marker\" ]; then",
            "  sed -e 's/,[[:space:]]*\"restarted_at\":[[:space:]]*\"[^\"]*\"//'"
                + " -e '$ s/}[[:space:]]*$/, \"restarted_at\": \"'\"$now\"'\"}/' \"$marker\" > \"$tmp\"",
            "else",
            "  printf '%s\"%s\", \"restarted_at\": \"%s\"}\\n' \"$fresh_marker\" \"$now\" \"$now\""
                + " > \"$tmp\"",
            "fi",
            "if [ $? -ne 0 ] || ! mv -f \"$tmp\" \"$marker\"; then",
            "  rm -f \"$tmp\"; echo \"could not rewrite session marker $marker\" >&2; exit 1",
            "fi",
            "cd -- \"$ws\" || exit 1",
            tmux + " new-session -d -s \"$session\" \"$chain\" || exit 1",
            "echo restarted");
    String freshMarker =
        "{\"session\": "
            + JsonLiteral.of(session)
            + ", \"workspace\": "
            + JsonLiteral.of(workspace)
            + ", \"remote_spec\": "
            + JsonLiteral.of(chain.remoteSpec())
            + ", \"identity_digest\": "
            + identityDigest.map(JsonLiteral::of).orElse("null")
            + ", \"chain_slug\": "
            + chainSlug.map(JsonLiteral::of).orElse("null")
            + ", \"started_at\": ";
    List<String> args =
        List.of(
            "megaplan-restart",
            session,
            markerPath,
            chain.remoteSpec(),
            JsonLiteral.of(chain.remoteSpec()),
            workspace,
            chain.withOneShot().render(),
            Boolean.toString(observedAlive),
            freshMarker);
    return String.join(
        "\n",
        "mkdir -p -- " + quote(workspace + "/.megaplan") + " || exit 1",
        "flock -n -E "
            + LOCKED_EXIT
            + " -o "
            + quote(lockPath())
            + " sh -c "
            + quote(inner)
            + " "
            + ShellQuote.join(args),
        "rc=$?",
        "if [ \"$rc\" -eq " + LOCKED_EXIT + " ]; then echo locked; fi",
        "exit \"$rc\"");
  }

  /**
   * Reads a restart answer.
   *
   * @param result what the command returned
   * @return the outcome
   */
  public static Result parse(ExecResult result) {
    String out = result.stdout().strip();
    String last = LaunchCommand.lastLine(out);
    if (result.exitCode() == LOCKED_EXIT && last.equals("locked")) {
      return new Result(Outcome.LOCKED, "another supervisor holds the lock");
    }
    if (result.exitCode() == MARKER_MISMATCH_EXIT) {
      return new Result(Outcome.MARKER_MISMATCH, last);
    }
    if (result.exitCode() == 0 && last.equals("restarted")) {
      return new Result(Outcome.RESTARTED, out);
    }
    if (result.exitCode() == 0 && last.equals("already_restarted")) {
      return new Result(Outcome.ALREADY_RESTARTED, out);
    }
    return new Result(
        Outcome.FAILED,
        "exit " + result.exitCode() + ": " + ProbeJson.tail(result.stderr() + "\n" + out));
  }
}
