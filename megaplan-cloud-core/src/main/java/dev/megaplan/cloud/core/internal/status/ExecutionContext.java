package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a chain runs (04 "Execution context"), each fact from the first source that has it. The
 * source names are the Python tool's ({@code resolved_context.source}).
 *
 * <ul>
 *   <li>workspace: chain state {@code resolved_workspace} ({@code chain_state}) → marker {@code
 *       workspace} ({@code marker}) → parent of the remote spec unless {@code /} ({@code
 *       remote_spec}) → translated {@code repo.workspace} ({@code spec}, meaning cloud.yaml);
 *   <li>session: chain state {@code chain_session} ({@code chain_state}) → marker {@code
 *       chain_session} ({@code marker}) → cloud.yaml's explicit session ({@code spec}) → {@code
 *       megaplan-chain} ({@code default});
 *   <li>extra repos: the union, in order and without duplicates, of cloud.yaml {@code extra_repos}
 *       (their translated workspaces; source {@code spec}), the state's {@code extra_repos} (as
 *       written; {@code chain_state}) and the marker's {@code extra_repos} (their workspaces, else
 *       their URLs; {@code marker}), with one source per repo. Everything is a box path, like the
 *       state's own list.
 * </ul>
 *
 * <p>Values from the state and the marker are already box paths and are used as written, once they
 * pass {@link BoxValues}: the state's {@code resolved_workspace} must be an absolute, normalised
 * path without control characters and its {@code chain_session} a safe session name, else the
 * resolution fails ({@code provider_failed}) before either reaches a command. (The local marker's
 * values are checked when it is read.)
 *
 * @param workspace the chain workspace
 * @param workspaceSource where it came from
 * @param session the runner's tmux session
 * @param sessionSource where it came from
 * @param extraRepos the extra repos
 * @param extraRepoSources where each extra repo came from, index for index
 */
public record ExecutionContext(
    String workspace,
    String workspaceSource,
    String session,
    String sessionSource,
    List<String> extraRepos,
    List<String> extraRepoSources) {

  /** The session used when no source names one. */
  public static final String DEFAULT_SESSION = CloudConfig.DEFAULT_CHAIN_SESSION;

  /** Copies the lists. */
  public ExecutionContext {
    extraRepos = List.copyOf(extraRepos);
    extraRepoSources = List.copyOf(extraRepoSources);
    if (extraRepos.size() != extraRepoSources.size()) {
      throw new IllegalArgumentException("one source per extra repo");
    }
  }

  /**
   * Resolves the context.
   *
   * @param state the chain state ({@link ChainState#empty()} before it was read)
   * @param marker the local marker, if any
   * @param remoteSpec the normalized remote spec path
   * @param config the configuration
   * @param provider translates configured paths
   * @return the context
   * @throws CloudException {@code provider_failed} when the state's {@code resolved_workspace} or
   *     {@code chain_session} is unsafe
   */
  public static ExecutionContext resolve(
      ChainState state,
      Optional<LastChainMarker> marker,
      String remoteSpec,
      CloudConfig config,
      Provider provider) {
    String workspace;
    String workspaceSource;
    Optional<String> markerWorkspace = marker.map(LastChainMarker::workspace).filter(present());
    String specParent = parent(remoteSpec);
    if (state.resolvedWorkspace().filter(present()).isPresent()) {
      workspace = fromState("resolved_workspace", state.resolvedWorkspace().get(), true);
      workspaceSource = "chain_state";
    } else if (markerWorkspace.isPresent()) {
      workspace = markerWorkspace.get();
      workspaceSource = "marker";
    } else if (!specParent.equals("/")) {
      workspace = specParent;
      workspaceSource = "remote_spec";
    } else {
      workspace = provider.toRemotePath(config.repo().workspace());
      workspaceSource = "spec";
    }

    String session;
    String sessionSource;
    Optional<String> markerSession = marker.map(LastChainMarker::chainSession).filter(present());
    if (state.chainSession().filter(present()).isPresent()) {
      session = fromState("chain_session", state.chainSession().get(), false);
      sessionSource = "chain_state";
    } else if (markerSession.isPresent()) {
      session = markerSession.get();
      sessionSource = "marker";
    } else if (config.chainSession().filter(present()).isPresent()) {
      session = config.chainSession().get();
      sessionSource = "spec";
    } else {
      session = DEFAULT_SESSION;
      sessionSource = "default";
    }

    Map<String, String> extra = new LinkedHashMap<>();
    for (RepoConfig repo : config.extraRepos()) {
      extra.putIfAbsent(provider.toRemotePath(repo.workspace()), "spec");
    }
    for (String repo : state.extraRepos()) {
      if (!repo.isBlank()) {
        extra.putIfAbsent(repo, "chain_state");
      }
    }
    marker.ifPresent(
        m -> {
          for (Map<String, String> repo : m.extraRepos()) {
            String value = repo.getOrDefault("workspace", repo.get("url"));
            if (value != null && !value.isBlank()) {
              extra.putIfAbsent(value, "marker");
            }
          }
        });
    return new ExecutionContext(
        workspace,
        workspaceSource,
        session,
        sessionSource,
        new ArrayList<>(extra.keySet()),
        new ArrayList<>(extra.values()));
  }

  /**
   * The chain log: the marker's {@code chain_log} when the marker describes this very runner (same
   * workspace and session), else the name a launch gives it (03 §2): {@code
   * <workspace>/.megaplan/cloud-chain-<session>.log}, or {@code cloud-chain.log} for the default
   * session.
   *
   * @param marker the local marker, if any
   * @return the chain log path
   */
  public String chainLog(Optional<LastChainMarker> marker) {
    Optional<String> recorded =
        marker
            .filter(m -> workspace.equals(m.workspace()) && session.equals(m.chainSession()))
            .map(LastChainMarker::chainLog)
            .filter(present());
    if (recorded.isPresent()) {
      return recorded.get();
    }
    String name =
        session.equals(DEFAULT_SESSION) ? "cloud-chain.log" : "cloud-chain-" + session + ".log";
    return workspace + "/.megaplan/" + name;
  }

  /**
   * Whether another context probes a different runner (workspace or session differ).
   *
   * @param other the other context
   * @return true when a probe made with this one does not describe the other
   */
  public boolean probesDifferently(ExecutionContext other) {
    return !workspace.equals(other.workspace) || !session.equals(other.session);
  }

  /**
   * The payload's {@code resolved_context}, the Python tool's shape.
   *
   * @param remoteSpec the remote spec path
   * @param remoteSpecSource where it came from (an addition of this project)
   * @return {@code {workspace, chain_session, extra_repos, remote_spec, source: {workspace,
   *     session, extra_repos, remote_spec}}}
   */
  public Map<String, Object> describe(String remoteSpec, String remoteSpecSource) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("workspace", workspace);
    out.put("chain_session", session);
    out.put("extra_repos", extraRepos);
    out.put("remote_spec", remoteSpec);
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("workspace", workspaceSource);
    source.put("session", sessionSource);
    source.put("extra_repos", extraRepoSources);
    source.put("remote_spec", remoteSpecSource);
    out.put("source", source);
    return out;
  }

  private static String fromState(String field, String value, boolean path) {
    Optional<String> problem =
        path ? BoxValues.pathProblem(value) : BoxValues.sessionProblem(value);
    if (problem.isEmpty()) {
      return value;
    }
    throw new CloudException(
        ErrorCode.PROVIDER_FAILED,
        "The chain state's "
            + field
            + " "
            + JsonLiteral.of(value)
            + " "
            + problem.get()
            + "; refusing to use it in any command on the box (correct or remove it in the chain"
            + " state)",
        Map.of("field", field, "value", value));
  }

  private static java.util.function.Predicate<String> present() {
    return s -> !s.isBlank();
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
