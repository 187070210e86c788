package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payload's {@code provider_consistency}, in the Python tool's shape: for {@code railway},
 * {@code mismatch} when the local marker's {@code provider} differs from the configured one or its
 * {@code provider_identity} differs from {@code railway.service}, else {@code consistent} (a marker
 * field that is absent differs from nothing), each with {@code spec_provider}, {@code
 * spec_identity}, {@code marker_provider} and {@code marker_identity}; every other provider {@code
 * not_applicable}, with a {@code reason} and {@code spec_provider}. tmux and ssh session names are
 * never compared.
 */
public final class ProviderConsistency {
  private static final String RAILWAY = "railway";

  private ProviderConsistency() {}

  /**
   * The observation.
   *
   * @param config the configuration
   * @param marker the local marker, if any
   * @return the observation
   */
  public static Map<String, Object> of(CloudConfig config, Optional<LastChainMarker> marker) {
    String provider = config.provider();
    Map<String, Object> out = new LinkedHashMap<>();
    if (!RAILWAY.equals(provider)) {
      out.put("status", "not_applicable");
      out.put("reason", "provider '" + provider + "' has no comparable provider identity");
      out.put("spec_provider", provider);
      return out;
    }
    String service = config.railway().service();
    String markerProvider = marker.map(LastChainMarker::provider).orElse(null);
    String markerIdentity = marker.map(LastChainMarker::providerIdentity).orElse(null);
    if (markerProvider != null && !markerProvider.equals(provider)) {
      out.put("status", "mismatch");
      out.put(
          "reason",
          "the last chain was launched with provider '"
              + markerProvider
              + "', but cloud.yaml configures '"
              + provider
              + "'");
    } else if (markerIdentity != null && !markerIdentity.equals(service)) {
      out.put("status", "mismatch");
      out.put(
          "reason",
          "the last chain was launched on railway service '"
              + markerIdentity
              + "', but cloud.yaml configures railway.service '"
              + service
              + "'");
    } else {
      out.put("status", "consistent");
    }
    out.put("spec_provider", provider);
    out.put("spec_identity", service);
    out.put("marker_provider", markerProvider);
    out.put("marker_identity", markerIdentity);
    return out;
  }
}
