package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.assign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists chain sessions (03 "Listing chains") in one remote command: every tmux session whose name
 * starts with {@code megaplan-chain}, each with its session marker ({@code
 * <markerDir>/<session>.json}) base64-encoded. No tmux server running is an empty list, not an
 * error; a tmux that cannot run at all is {@code provider_failed}. A session whose name is outside
 * the safe set ({@link BoxValues#sessionProblem(String)}) is listed with an invalid marker that is
 * never read: its name goes into no path.
 *
 * @param tmux the provider's tmux client prefix, inserted as written
 * @param markerDir the session marker directory ({@code ROOT/.megaplan/cloud-sessions})
 */
public record ChainsListCommand(String tmux, String markerDir) {
  /** The prefix of chain session names. */
  public static final String SESSION_PREFIX = "megaplan-chain";

  /** The characters of a safe session name, spelled out so no locale changes a range. */
  private static final String SAFE_NAME_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  /** Checks the components. */
  public ChainsListCommand {
    Objects.requireNonNull(tmux, "tmux");
    Objects.requireNonNull(markerDir, "markerDir");
  }

  /** Whether a session's marker could be read. */
  public enum MarkerStatus {
    /** A JSON object. */
    PRESENT,
    /** No marker file. */
    MISSING,
    /**
     * A file that is not a JSON object, or a session whose name is not a safe session name (its
     * marker is not read).
     */
    INVALID;

    /**
     * The JSON form.
     *
     * @return the lower-case name
     */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One listed session.
   *
   * @param session the session name
   * @param markerPath where its session marker is (or would be) on the box
   * @param markerStatus whether its marker was readable
   * @param marker the marker's fields, when present
   * @param markerError why the marker could not be read, when it is invalid
   */
  public record ListedChain(
      String session,
      String markerPath,
      MarkerStatus markerStatus,
      Optional<ObjectNode> marker,
      Optional<String> markerError) {
    /**
     * A text field of the marker ({@code workspace}, {@code remote_spec}, {@code
     * identity_digest}…).
     *
     * @param name the field
     * @return its text, when the marker has it as a string
     */
    public Optional<String> field(String name) {
      return marker.map(m -> m.get(name)).filter(JsonNode::isTextual).map(JsonNode::asText);
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
        assign("marker_dir", markerDir),
        ShellSnippets.BASE64_FUNCTIONS,
        "names=$(" + tmux + " list-sessions -F '#{session_name}' 2>&1)",
        "rc=$?",
        "printf '{\"tmux_exit\": %d, \"sessions\": [' \"$rc\"",
        "if [ \"$rc\" -eq 0 ]; then",
        "  printf '%s\\n' \"$names\" | {",
        "    sep=",
        "    while IFS= read -r name; do",
        "      case \"$name\" in " + SESSION_PREFIX + "*) ;; *) continue ;; esac",
        "      case \"$name\" in",
        "        *[!" + SAFE_NAME_CHARACTERS + "]*) mj=false ;;",
        "        *) m=\"$marker_dir/$name.json\"",
        "           if [ -f \"$m\" ]; then mj=\"\\\"$(b64 < \"$m\")\\\"\"; else mj=null; fi ;;",
        "      esac",
        "      printf '%s{\"session\": \"%s\", \"marker\": %s}' \"$sep\" \"$(b64s \"$name\")\" \"$mj\"",
        "      sep=', '",
        "    done",
        "  }",
        "  printf ']}\\n'",
        "else",
        "  printf '], \"tmux_error\": \"%s\"}\\n' \"$(b64s \"$names\")\"",
        "fi");
  }

  /**
   * Reads the listing.
   *
   * @param result what the command returned
   * @return the chain sessions, in tmux's order
   * @throws CloudException {@code provider_failed} when tmux failed other than for "no server"
   */
  public List<ListedChain> parse(ExecResult result) {
    JsonNode doc = ProbeJson.document(result, "chain listing");
    int tmuxExit = doc.path("tmux_exit").asInt(-1);
    if (tmuxExit != 0) {
      String error = ProbeJson.text(doc, "tmux_error").orElse("").strip();
      if (noServer(tmuxExit, error)) {
        return List.of();
      }
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "tmux list-sessions failed (exit " + tmuxExit + "): " + error,
          Map.of("exit_code", tmuxExit));
    }
    List<ListedChain> chains = new ArrayList<>();
    for (JsonNode entry : doc.path("sessions")) {
      chains.add(listed(ProbeJson.decode(entry.path("session").asText()), entry));
    }
    return List.copyOf(chains);
  }

  private ListedChain listed(String session, JsonNode entry) {
    String path = markerDir + "/" + session + ".json";
    Optional<String> unsafe = BoxValues.sessionProblem(session);
    if (entry.path("marker").isBoolean() || unsafe.isPresent()) {
      return new ListedChain(
          session,
          path,
          MarkerStatus.INVALID,
          Optional.empty(),
          Optional.of("not read: the session name " + unsafe.orElse("is not a safe session name")));
    }
    Optional<String> marker = ProbeJson.text(entry, "marker");
    if (marker.isEmpty()) {
      return new ListedChain(
          session, path, MarkerStatus.MISSING, Optional.empty(), Optional.empty());
    }
    String error;
    try {
      JsonNode parsed = Json.mapper().readTree(marker.get());
      if (parsed instanceof ObjectNode object) {
        return new ListedChain(
            session, path, MarkerStatus.PRESENT, Optional.of(object), Optional.empty());
      }
      error = "not a JSON object";
    } catch (JsonProcessingException e) {
      error = "not valid JSON: " + e.getOriginalMessage();
    }
    return new ListedChain(
        session, path, MarkerStatus.INVALID, Optional.empty(), Optional.of(error));
  }

  /**
   * Whether tmux itself (exit 1, not a shell's 126/127) said there is simply no server: no socket,
   * or a stale one.
   */
  static boolean noServer(int exitCode, String error) {
    return exitCode == 1
        && (error.contains("no server running")
            || error.contains("error connecting to")
            || error.contains("server exited unexpectedly"));
  }
}
