package dev.megaplan.cloud.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A chain session running on the box (03 "Listing chains"): a tmux session whose name starts with
 * {@code megaplan-chain}, joined with its session marker ({@code
 * ROOT/.megaplan/cloud-sessions/<session>.json}, written by the launch).
 *
 * <p>Its JSON form is the Python tool's flat entry: {@code {session, status: "running", marker:
 * <the marker's path>, marker_status, marker_error?, …every field of the marker}} — so {@code jq
 * '.sessions[].workspace'} works as it does there. The four listing fields win over marker fields
 * of the same name.
 *
 * @param session the tmux session name
 * @param markerPath the session marker's path on the box
 * @param markerStatus {@code present}, {@code missing} or {@code invalid} (not a JSON object)
 * @param markerFields the marker's fields when present ({@code session, workspace, remote_spec,
 *     identity_digest, chain_slug, started_at}…), else empty; redacted
 * @param markerError why the marker is invalid, when it is
 */
public record RunningChain(
    String session,
    String markerPath,
    String markerStatus,
    Map<String, Object> markerFields,
    Optional<String> markerError) {

  /** A listed session is always running: tmux listed it. */
  public static final String STATUS = "running";

  private static final List<String> LISTING_FIELDS =
      List.of("session", "status", "marker", "marker_status", "marker_error");

  /** Checks and copies. */
  public RunningChain {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(markerPath, "markerPath");
    Objects.requireNonNull(markerStatus, "markerStatus");
    Objects.requireNonNull(markerError, "markerError");
    markerFields = Collections.unmodifiableMap(new LinkedHashMap<>(markerFields));
  }

  /**
   * The chain's workspace, from its marker.
   *
   * @return the workspace, when the marker names one
   */
  public Optional<String> workspace() {
    return text("workspace");
  }

  /**
   * The chain's remote spec, from its marker.
   *
   * @return the path, when the marker names one
   */
  public Optional<String> remoteSpec() {
    return text("remote_spec");
  }

  /**
   * The JSON entry of {@code chains} and {@code status --all}.
   *
   * @return {@code {session, status, marker, marker_status, marker_error?, …marker fields}}
   */
  @JsonValue
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("session", session);
    json.put("status", STATUS);
    json.put("marker", markerPath);
    json.put("marker_status", markerStatus);
    markerError.ifPresent(error -> json.put("marker_error", error));
    markerFields.forEach(
        (name, value) -> {
          if (!LISTING_FIELDS.contains(name)) {
            json.put(name, value);
          }
        });
    return json;
  }

  private Optional<String> text(String field) {
    Object value = markerFields.get(field);
    return value instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
  }
}
