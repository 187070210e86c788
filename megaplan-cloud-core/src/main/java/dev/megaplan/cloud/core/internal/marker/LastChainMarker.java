package dev.megaplan.cloud.core.internal.marker;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.core.internal.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local marker of the last chain launched for one cloud.yaml (spec 03 §11): what {@code status
 * --chain} and the supervisor fall back to when no remote spec is given. Provider-independent, so
 * it survives a Railway deploy dir being thrown away.
 *
 * <p>The file is the Python tool's, field for field and in its order; {@code provenance} is the
 * launch report. A marker is read one field at a time ({@link #read}): a field that is missing or
 * of the wrong type is absent (null), and the others are still used — a marker without {@code
 * remote_spec} still carries the provider facts the consistency guard needs.
 *
 * @param remoteSpec the remote chain spec path, or null
 * @param startedAt when the launch happened (ISO-8601 UTC), or null
 * @param baseBranch the chain's base branch, or null
 * @param provenance the launch report that wrote the marker (empty when absent, or when an older
 *     marker holds a string there)
 * @param workspace the launch workspace, or null
 * @param chainSession the chain's tmux session, or null
 * @param chainLog the chain log path, or null
 * @param extraRepos the extra repos ({@code url, branch, workspace}); an entry written as a plain
 *     string reads as {@code {workspace: <string>}}
 * @param provider the provider name, or null
 * @param providerIdentity the deployment's identity (railway service, compose project, ssh host,
 *     host root), or null
 */
@JsonPropertyOrder({
  "remote_spec",
  "started_at",
  "base_branch",
  "provenance",
  "workspace",
  "chain_session",
  "chain_log",
  "extra_repos",
  "provider",
  "provider_identity"
})
public record LastChainMarker(
    @JsonProperty("remote_spec") String remoteSpec,
    @JsonProperty("started_at") String startedAt,
    @JsonProperty("base_branch") String baseBranch,
    @JsonProperty("provenance") Map<String, Object> provenance,
    @JsonProperty("workspace") String workspace,
    @JsonProperty("chain_session") String chainSession,
    @JsonProperty("chain_log") String chainLog,
    @JsonProperty("extra_repos") List<Map<String, String>> extraRepos,
    @JsonProperty("provider") String provider,
    @JsonProperty("provider_identity") String providerIdentity) {

  /** Copies the collections; missing ones read as empty. */
  public LastChainMarker {
    provenance =
        provenance == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    extraRepos = extraRepos == null ? List.of() : List.copyOf(extraRepos);
  }

  /**
   * A marker read leniently from its JSON object.
   *
   * @param object the file's JSON object
   * @param malformed receives the name of every field present with the wrong type
   * @return the marker
   */
  public static LastChainMarker read(JsonNode object, List<String> malformed) {
    Fields fields = new Fields(object, malformed);
    return new LastChainMarker(
        fields.text("remote_spec"),
        fields.text("started_at"),
        fields.text("base_branch"),
        fields.provenance(),
        fields.text("workspace"),
        fields.text("chain_session"),
        fields.text("chain_log"),
        fields.extraRepos(),
        fields.text("provider"),
        fields.text("provider_identity"));
  }

  /** One marker object's fields, each read on its own. */
  private record Fields(JsonNode object, List<String> malformed) {
    String text(String name) {
      JsonNode node = object.path(name);
      if (node.isTextual()) {
        return node.asText();
      }
      if (!node.isMissingNode() && !node.isNull()) {
        malformed.add(name);
      }
      return null;
    }

    Map<String, Object> provenance() {
      JsonNode node = object.path("provenance");
      // an older marker of this project holds a string here: nothing to keep, nothing wrong
      return node.isObject()
          ? Json.mapper().convertValue(node, new TypeReference<Map<String, Object>>() {})
          : Map.of();
    }

    List<Map<String, String>> extraRepos() {
      JsonNode node = object.path("extra_repos");
      if (node.isMissingNode() || node.isNull()) {
        return List.of();
      }
      if (!node.isArray()) {
        malformed.add("extra_repos");
        return List.of();
      }
      List<Map<String, String>> repos = new ArrayList<>();
      for (JsonNode entry : node) {
        if (entry.isTextual() && !entry.asText().isBlank()) {
          repos.add(Map.of("workspace", entry.asText()));
        } else if (entry.isObject()) {
          Map<String, String> repo = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> field : entry.properties()) {
            if (field.getValue().isTextual()) {
              repo.put(field.getKey(), field.getValue().asText());
            }
          }
          repos.add(repo);
        } else if (!malformed.contains("extra_repos")) {
          malformed.add("extra_repos");
        }
      }
      return repos;
    }
  }
}
