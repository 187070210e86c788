package dev.megaplan.cloud.core.internal.marker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The local marker of the last chain launched for one cloud.yaml (spec 03 §11): what {@code status
 * --chain} and the supervisor fall back to when no remote spec is given. Provider-independent, so
 * it survives a Railway deploy dir being thrown away.
 *
 * @param remoteSpec the remote chain spec path
 * @param startedAt when the launch happened (ISO-8601 UTC)
 * @param baseBranch the chain's base branch
 * @param workspace the launch workspace
 * @param chainSession the chain's tmux session
 * @param chainLog the chain log path
 * @param extraRepos the extra repos ({@code url, branch, workspace})
 * @param provider the provider name
 * @param providerIdentity the deployment's identity (railway service, compose project, ssh host,
 *     host root)
 * @param provenance what wrote the marker
 */
@JsonPropertyOrder({
  "remote_spec",
  "started_at",
  "base_branch",
  "workspace",
  "chain_session",
  "chain_log",
  "extra_repos",
  "provider",
  "provider_identity",
  "provenance"
})
@JsonIgnoreProperties(ignoreUnknown = true)
public record LastChainMarker(
    @JsonProperty("remote_spec") String remoteSpec,
    @JsonProperty("started_at") String startedAt,
    @JsonProperty("base_branch") String baseBranch,
    @JsonProperty("workspace") String workspace,
    @JsonProperty("chain_session") String chainSession,
    @JsonProperty("chain_log") String chainLog,
    @JsonProperty("extra_repos") List<Map<String, String>> extraRepos,
    @JsonProperty("provider") String provider,
    @JsonProperty("provider_identity") String providerIdentity,
    @JsonProperty("provenance") String provenance) {

  /** Copies the extra repos; a missing list reads as empty. */
  public LastChainMarker {
    extraRepos = extraRepos == null ? List.of() : List.copyOf(extraRepos);
  }
}
