package dev.megaplan.cloud.core.internal.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.MegaplanStatus;
import dev.megaplan.cloud.core.RunningChain;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import dev.megaplan.cloud.core.internal.remote.ChainsListCommand;
import dev.megaplan.cloud.core.internal.remote.MegaplanCommands;
import dev.megaplan.cloud.core.internal.session.SessionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plain wrappers of 03 ("Listing chains", "Other wrappers"): {@code chains}, {@code status},
 * {@code resume} and {@code exec}. Everything they return or throw is redacted.
 *
 * <p>Decisions: {@code status} answering with a non-zero exit is {@code provider_failed} (megaplan
 * could not run); exiting 0 without printing one JSON object is {@code invalid_status}. {@code
 * resume} relays the step's result whatever its exit status (the caller decides what a failure
 * means).
 */
public final class WrapperOperations {
  /** The limit of {@code LAUNCHER status} and of the chains listing. */
  public static final Duration STATUS_TIMEOUT = Duration.ofMinutes(2);

  private static final ObjectReader READER =
      Json.mapper()
          .readerFor(Object.class)
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final SessionContext session;
  private final RemoteTextRedaction redaction;

  /**
   * The wrappers of one session.
   *
   * @param session the session's shared state
   */
  public WrapperOperations(SessionContext session) {
    this.session = Objects.requireNonNull(session, "session");
    this.redaction = new RemoteTextRedaction(session.redactor());
  }

  /**
   * The workspace the wrappers run in: the last launched chain's workspace when a local marker
   * exists, else the translated {@code repo.workspace}.
   *
   * @return the box path
   */
  public String workspace() {
    return session
        .markers()
        .readLastChain(session.cloudYaml())
        .map(LastChainMarker::workspace)
        .filter(ws -> !ws.isBlank())
        .orElseGet(session::configuredWorkspace);
  }

  /**
   * Runs shell text on the box.
   *
   * @param command the shell text
   * @param timeout its limit
   * @return the result, stdout and stderr redacted
   */
  public ExecResult exec(String command, Duration timeout) {
    Objects.requireNonNull(command, "command");
    try {
      return redaction.result(session.shell("exec").exec(command, timeout));
    } catch (CloudException e) {
      throw redaction.failure(e);
    }
  }

  /**
   * {@code cd WS && LAUNCHER status [--plan P]}.
   *
   * @param plan the plan, if given
   * @return the printed JSON object
   */
  public MegaplanStatus status(Optional<String> plan) {
    ExecResult result =
        exec(MegaplanCommands.status(session.launcher(), workspace(), plan), STATUS_TIMEOUT);
    if (result.exitCode() != 0) {
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("exit_code", result.exitCode());
      context.put("stderr", tail(result.stderr()));
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "megaplan status failed on the box (exit "
              + result.exitCode()
              + ")"
              + (result.stderr().isBlank() ? "" : ": " + tail(result.stderr())),
          context);
    }
    String text = result.stdout().strip();
    Object parsed;
    try {
      parsed = text.isEmpty() ? null : READER.readValue(text);
    } catch (JsonProcessingException e) {
      throw invalidStatus("it printed invalid JSON (" + e.getOriginalMessage() + ")", text);
    }
    if (!(parsed instanceof Map<?, ?> object)) {
      throw invalidStatus(
          text.isEmpty() ? "it printed nothing" : "its output is not a JSON object", text);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    object.forEach((k, v) -> fields.put(String.valueOf(k), v));
    return new MegaplanStatus(text, fields);
  }

  /**
   * Resume (03): reads the status, whose {@code next_step} must be a non-empty string, and runs
   * {@code cd WS && LAUNCHER <next_step> [--plan P]}.
   *
   * @param plan the plan, if given
   * @param timeout the step's limit
   * @return the step's result, redacted
   * @throws CloudException {@code invalid_status} without a usable {@code next_step}
   */
  public ExecResult resume(Optional<String> plan, Duration timeout) {
    MegaplanStatus status = status(plan);
    String step =
        status
            .nextStep()
            .orElseThrow(
                () ->
                    new CloudException(
                        ErrorCode.INVALID_STATUS,
                        "megaplan status names no next step to resume (next_step: "
                            + Json.compact(status.fields().get("next_step"))
                            + ")",
                        Map.of("status", status.fields())));
    return exec(MegaplanCommands.step(session.launcher(), workspace(), step, plan), timeout);
  }

  /**
   * Lists the chain sessions on the box, each joined with its session marker.
   *
   * @return the sessions, in tmux's order
   */
  public List<RunningChain> chains() {
    ChainsListCommand command =
        new ChainsListCommand(
            session.provider().tmuxCommand(),
            session.provider().remoteRoot() + "/.megaplan/cloud-sessions");
    try {
      List<RunningChain> out = new ArrayList<>();
      for (ChainsListCommand.ListedChain listed :
          command.parse(session.shell("listing chains").exec(command.render(), STATUS_TIMEOUT))) {
        Map<String, Object> marker =
            listed
                .marker()
                .map(node -> Json.mapper().convertValue(node, Map.class))
                .map(this::redactedMap)
                .orElse(Map.of());
        out.add(
            new RunningChain(
                redaction.text(listed.session()),
                redaction.text(listed.markerPath()),
                listed.markerStatus().wireName(),
                marker,
                listed.markerError().map(redaction::text)));
      }
      return List.copyOf(out);
    } catch (CloudException e) {
      throw redaction.failure(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> redactedMap(Map<?, ?> map) {
    return (Map<String, Object>) redaction.value(map);
  }

  private static CloudException invalidStatus(String why, String output) {
    return new CloudException(
        ErrorCode.INVALID_STATUS,
        "megaplan status must print one JSON object, but " + why,
        Map.of("stdout", tail(output)));
  }

  private static String tail(String text) {
    String stripped = text.strip();
    return stripped.length() <= 2000 ? stripped : stripped.substring(stripped.length() - 2000);
  }
}
