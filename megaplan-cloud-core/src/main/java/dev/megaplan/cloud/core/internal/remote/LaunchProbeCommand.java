package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.assign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.provider.ExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One launch-verification probe (03 §9) as one remote command: is the session alive, the state
 * file's text, the chain log's size, and the plan directories under {@code
 * <workspace>/.megaplan/plans} other than {@code .chains}. It prints one JSON line with every
 * arbitrary value base64-encoded; {@link LaunchVerification} judges it.
 *
 * @param tmux the provider's tmux client prefix, inserted as written
 * @param session the session name
 * @param statePath the chain state path (02)
 * @param workspace the chain workspace
 * @param chainLogPath the chain log path
 */
public record LaunchProbeCommand(
    String tmux, String session, String statePath, String workspace, String chainLogPath) {

  /** Checks the components. */
  public LaunchProbeCommand {
    Objects.requireNonNull(tmux, "tmux");
    RemotePaths.checkSession(session);
    Objects.requireNonNull(statePath, "statePath");
    RemotePaths.checkPath("workspace", workspace);
    Objects.requireNonNull(chainLogPath, "chainLogPath");
  }

  /**
   * What one probe saw.
   *
   * @param sessionAlive whether {@code has-session} succeeded
   * @param state the state file's text, when present
   * @param chainLogSize the chain log's size in bytes, when it exists
   * @param planDirs plan directory names, {@code .chains} excluded, in glob order
   */
  public record Probe(
      boolean sessionAlive,
      Optional<String> state,
      OptionalLong chainLogSize,
      List<String> planDirs) {
    /** Copies the list. */
    public Probe {
      planDirs = List.copyOf(planDirs);
    }
  }

  /**
   * The shell text.
   *
   * @return the command
   */
  public String render() {
    return String.join(
        "\n",
        assign("session", session),
        assign("state", statePath),
        assign("plans", workspace + "/.megaplan/plans"),
        assign("log", chainLogPath),
        ShellSnippets.BASE64_FUNCTIONS,
        "if "
            + tmux
            + " has-session -t \"=$session\" 2>/dev/null; then alive=true; else alive=false; fi",
        "printf '{\"session_alive\": %s' \"$alive\"",
        "if [ -f \"$state\" ] && [ -r \"$state\" ]; then",
        "  printf ', \"state\": \"%s\"' \"$(b64 < \"$state\")\"",
        "else printf ', \"state\": null'; fi",
        "if [ -f \"$log\" ] && size=$(wc -c < \"$log\" 2>/dev/null); then",
        "  printf ', \"chain_log_size\": %s' \"$((size))\"",
        "else printf ', \"chain_log_size\": null'; fi",
        "printf ', \"plan_dirs\": ['",
        "sep=",
        "for d in \"$plans\"/* \"$plans\"/.[!.]* \"$plans\"/..?*; do",
        "  [ -d \"$d\" ] || continue",
        "  name=${d##*/}",
        "  [ \"$name\" = .chains ] && continue",
        "  printf '%s\"%s\"' \"$sep\" \"$(b64s \"$name\")\"; sep=', '",
        "done",
        "printf ']}\\n'");
  }

  /**
   * Reads a probe's output.
   *
   * @param result what the command returned
   * @return the probe
   * @throws dev.megaplan.cloud.api.CloudException {@code provider_failed} when unreadable
   */
  public static Probe parse(ExecResult result) {
    JsonNode doc = ProbeJson.document(result, "launch verification probe");
    List<String> dirs = new ArrayList<>();
    doc.path("plan_dirs").forEach(d -> dirs.add(ProbeJson.decode(d.asText())));
    JsonNode size = doc.path("chain_log_size");
    return new Probe(
        doc.path("session_alive").asBoolean(false),
        ProbeJson.text(doc, "state"),
        size.isIntegralNumber() ? OptionalLong.of(size.asLong()) : OptionalLong.empty(),
        dirs);
  }
}
