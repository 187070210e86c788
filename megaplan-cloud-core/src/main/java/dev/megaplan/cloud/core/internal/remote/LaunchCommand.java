package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.assign;
import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;
import java.util.Objects;

/**
 * Starts the chain runner in tmux as one remote command (03 §8).
 *
 * <p>When the session already exists, the session marker decides: it names this chain's identity
 * digest → {@code already_running} (exit 0, nothing started); otherwise exit {@value
 * #COLLISION_EXIT} and the running session is left alone. Else the marker {@code {session,
 * workspace, remote_spec, identity_digest, chain_slug, started_at}} is written atomically (temp
 * file then {@code mv}; {@code started_at} is the box's UTC clock), the log directory created, and
 * {@code tmux new-session -d} runs the chain command; the script prints {@code started}.
 *
 * <p>The session starts in the workspace because the tmux client runs there ({@code cd -- WS &&
 * tmux new-session}), never through {@code new-session -c}: tmux expands {@code #(…)} and other
 * formats in {@code -c}, so a directory named {@code d#(cmd)} would run {@code cmd}. The session
 * name is limited to characters tmux reads literally (see {@link
 * dev.megaplan.cloud.core.internal.shell.BoxValues}).
 *
 * @param tmux the provider's tmux client prefix ({@code Provider.tmuxCommand()}), inserted as
 *     written
 * @param session the session name (letters, digits, {@code _}, {@code -})
 * @param workspace the chain workspace (the session's working directory): absolute, normalised, no
 *     control characters
 * @param identityDigest the chain's identity digest
 * @param chainSlug the chain slug
 * @param markerPath the session marker path ({@code ROOT/.megaplan/cloud-sessions/<session>.json})
 * @param chain the chain command
 */
public record LaunchCommand(
    String tmux,
    String session,
    String workspace,
    String identityDigest,
    String chainSlug,
    String markerPath,
    ChainCommand chain) {

  /** The exit status of a launch refused because a different chain holds the session. */
  public static final int COLLISION_EXIT = 17;

  /** Checks the components. */
  public LaunchCommand {
    Objects.requireNonNull(tmux, "tmux");
    RemotePaths.checkSession(session);
    RemotePaths.checkPath("workspace", workspace);
    Objects.requireNonNull(identityDigest, "identityDigest");
    Objects.requireNonNull(chainSlug, "chainSlug");
    Objects.requireNonNull(markerPath, "markerPath");
    Objects.requireNonNull(chain, "chain");
  }

  /** How a launch ended. */
  public enum Outcome {
    /** A new session was started. */
    STARTED,
    /** The session runs this same chain; nothing was started. */
    ALREADY_RUNNING,
    /** The session runs a different chain; nothing was touched (exit 17). */
    COLLISION,
    /** Anything else: the detail says what. */
    FAILED
  }

  /**
   * A parsed launch answer.
   *
   * @param outcome how it ended
   * @param detail the relevant output, for messages
   */
  public record Result(Outcome outcome, String detail) {}

  /**
   * The shell text.
   *
   * @return the command
   */
  public String render() {
    String digest = JsonLiteral.of(identityDigest);
    String markerPrefix =
        "{\"session\": "
            + JsonLiteral.of(session)
            + ", \"workspace\": "
            + JsonLiteral.of(workspace)
            + ", \"remote_spec\": "
            + JsonLiteral.of(chain.remoteSpec())
            + ", \"identity_digest\": "
            + digest
            + ", \"chain_slug\": "
            + JsonLiteral.of(chainSlug)
            + ", \"started_at\": ";
    return String.join(
        "\n",
        assign("session", session),
        assign("ws", workspace),
        assign("marker", markerPath),
        assign("digest_json", digest),
        "if " + tmux + " has-session -t \"=$session\" 2>/dev/null; then",
        "  marker_text=$(cat \"$marker\" 2>/dev/null) || marker_text=",
        "  case \"$marker_text\" in",
        "    *\"\\\"identity_digest\\\": $digest_json\"*|*\"\\\"identity_digest\\\":$digest_json\"*)"
            + " echo already_running; exit 0 ;;",
        "  esac",
        "  echo \"session $session already running for a different chain; refusing to disturb it\" >&2",
        "  exit " + COLLISION_EXIT,
        "fi",
        "mkdir -p -- "
            + quote(RemotePaths.parent(markerPath))
            + " "
            + quote(chain.logDirectory())
            + " || exit 1",
        "started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)",
        "tmp=\"$marker.tmp.$$\"",
        "if printf '%s\"%s\"}\\n' "
            + quote(markerPrefix)
            + " \"$started_at\" > \"$tmp\""
            + " && mv -f -- \"$tmp\" \"$marker\"; then :; else",
        "  rm -f -- \"$tmp\"; echo \"could not write session marker $marker\" >&2; exit 1",
        "fi",
        "if (cd -- \"$ws\" && "
            + tmux
            + " new-session -d -s \"$session\" "
            + quote(chain.render())
            + "); then echo started; else",
        "  rc=$?; rm -f -- \"$marker\"; exit \"$rc\"",
        "fi");
  }

  /**
   * Reads a launch answer.
   *
   * @param result what the command returned
   * @return the outcome
   */
  public static Result parse(ExecResult result) {
    String out = result.stdout().strip();
    if (result.exitCode() == COLLISION_EXIT) {
      return new Result(Outcome.COLLISION, result.stderr().strip());
    }
    if (result.exitCode() == 0 && lastLine(out).equals("started")) {
      return new Result(Outcome.STARTED, out);
    }
    if (result.exitCode() == 0 && lastLine(out).equals("already_running")) {
      return new Result(Outcome.ALREADY_RUNNING, out);
    }
    return new Result(
        Outcome.FAILED,
        "exit " + result.exitCode() + ": " + ProbeJson.tail(result.stderr() + "\n" + out));
  }

  static String lastLine(String text) {
    String stripped = text.strip();
    int newline = stripped.lastIndexOf('\n');
    return newline < 0 ? stripped : stripped.substring(newline + 1).strip();
  }
}
