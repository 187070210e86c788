package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The payload's {@code provider_consistency}, in the Python tool's shape: for {@code railway},
 * {@code mismatch} when the local marker's {@code provider} differs from the configured one or its
 * {@code provider_identity} differs from {@code railway.service}, else {@code consistent} (a marker
 * field that is absent differs from nothing), each with {@code spec_provider}, {@code
 * spec_identity}, {@code marker_provider} and {@code marker_identity}; every other provider {@code
 * not_applicable}, with a {@code reason} and {@code spec_provider}. For {@code kubernetes} the
 * same, with the runner pod's {@code <namespace>/<pod>} (the live provider's identity, since the
 * namespace may come from the kubeconfig) in place of the service. tmux and ssh session names are
 * never compared.
 */
public final class ProviderConsistency {
  private static final String RAILWAY = "railway";
  private static final String KUBERNETES = "kubernetes";

  private ProviderConsistency() {}

  /**
   * The observation.
   *
   * @param config the configuration
   * @param marker the local marker, if any
   * @return the observation
   */
  public static Map<String, Object> of(CloudConfig config, Optional<LastChainMarker> marker) {
    return of(config, marker, () -> null);
  }

  /**
   * The observation, with the live provider's identity for providers whose identity is resolved at
   * run time.
   *
   * @param config the configuration
   * @param marker the local marker, if any
   * @param identity the provider's identity, read only for {@code kubernetes}
   * @return the observation
   */
  public static Map<String, Object> of(
      CloudConfig config, Optional<LastChainMarker> marker, Supplier<String> identity) {
    String provider = config.provider();
    Map<String, Object> out = new LinkedHashMap<>();
    if (!RAILWAY.equals(provider) && !KUBERNETES.equals(provider)) {
      out.put("status", "not_applicable");
      out.put("reason", "provider '" + provider + "' has no comparable provider identity");
      out.put("spec_provider", provider);
      return out;
    }
    boolean railway = RAILWAY.equals(provider);
    String service = railway ? config.railway().service() : identity.get();
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
    } else if (markerIdentity != null && service != null && !markerIdentity.equals(service)) {
      out.put("status", "mismatch");
      out.put(
          "reason",
          railway
              ? "the last chain was launched on railway service '"
                  + markerIdentity
                  + "', but cloud.yaml configures railway.service '"
                  + service
                  + "'"
              : "the last chain was launched on kubernetes pod '"
                  + markerIdentity
                  + "', but cloud.yaml and the kubeconfig now point at pod '"
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
