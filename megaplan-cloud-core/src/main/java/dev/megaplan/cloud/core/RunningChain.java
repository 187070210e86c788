package dev.megaplan.cloud.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A chain session running on the box (03 "Listing chains"): a tmux session whose name starts with
 * {@code megaplan-chain}, joined with its session marker ({@code
 * ROOT/.megaplan/cloud-sessions/<session>.json}, written by the launch).
 *
 * @param session the tmux session name
 * @param markerStatus {@code present}, {@code missing} or {@code invalid} (not a JSON object)
 * @param marker the marker's fields when present ({@code session, workspace, remote_spec,
 *     identity_digest, chain_slug, started_at}…), else empty; redacted
 */
@JsonPropertyOrder({"session", "marker_status", "marker"})
public record RunningChain(
    @JsonProperty("session") String session,
    @JsonProperty("marker_status") String markerStatus,
    @JsonProperty("marker") Map<String, Object> marker) {

  /** Checks and copies. */
  public RunningChain {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(markerStatus, "markerStatus");
    marker = Collections.unmodifiableMap(new LinkedHashMap<>(marker));
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

  private Optional<String> text(String field) {
    Object value = marker.get(field);
    return value instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
  }
}
