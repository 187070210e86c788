package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.Mode;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import java.util.Objects;
import java.util.Optional;

/**
 * Which chain a status read observes (04 "Which chain"): the remote spec, where it came from, and
 * the local marker of the last launch (which also feeds the execution context).
 *
 * @param remoteSpec the remote spec path, normalized lexically
 * @param source {@code remote_spec_option}, {@code marker} or {@code chain.spec}
 * @param marker the local marker of this cloud.yaml's last launch, when one exists
 */
public record ChainTarget(String remoteSpec, String source, Optional<LastChainMarker> marker) {
  /** The message of {@code missing_remote_spec}, as 04 words it. */
  public static final String MISSING_MESSAGE =
      "Pass --remote-spec <path>, run `cloud chain <spec>` first, or set mode: chain in cloud.yaml";

  /** Checks the components. */
  public ChainTarget {
    Objects.requireNonNull(remoteSpec, "remoteSpec");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(marker, "marker");
  }

  /**
   * Resolves the remote spec, first that applies: the explicit path; the local marker's {@code
   * remote_spec}; {@code chain.spec} (translated to a box path) when {@code mode: chain}. The
   * marker is kept whichever source names the spec: its other facts (workspace, session, provider)
   * still apply.
   *
   * @param explicit the {@code --remote-spec} path, as given (a box path)
   * @param marker the local marker, if any
   * @param config the configuration
   * @param provider the provider (translates {@code chain.spec})
   * @return the target
   * @throws CloudException {@code missing_remote_spec} when nothing applies; {@code invalid_args}
   *     when the path is not absolute
   */
  public static ChainTarget resolve(
      Optional<String> explicit,
      Optional<LastChainMarker> marker,
      CloudConfig config,
      Provider provider) {
    Optional<String> given = explicit.filter(s -> !s.isBlank());
    if (given.isPresent()) {
      return new ChainTarget(ChainStatePath.normalize(given.get()), "remote_spec_option", marker);
    }
    Optional<String> recorded = marker.map(LastChainMarker::remoteSpec).filter(s -> !s.isBlank());
    if (recorded.isPresent()) {
      return new ChainTarget(ChainStatePath.normalize(recorded.get()), "marker", marker);
    }
    if (config.mode() == Mode.CHAIN && config.chain().isPresent()) {
      String translated = provider.toRemotePath(config.chain().get().spec());
      return new ChainTarget(ChainStatePath.normalize(translated), "chain.spec", marker);
    }
    throw new CloudException(ErrorCode.MISSING_REMOTE_SPEC, MISSING_MESSAGE);
  }
}
