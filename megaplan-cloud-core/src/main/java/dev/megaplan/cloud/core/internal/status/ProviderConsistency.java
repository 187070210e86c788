package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The payload's {@code provider_consistency}, {@code {status, reason?}}: for {@code railway},
 * {@code mismatch} when the local marker's {@code provider} differs from the configured one or its
 * {@code provider_identity} differs from {@code railway.service}, else {@code consistent} (a marker
 * field that is absent differs from nothing); for {@code kubernetes} the same with the runner pod's
 * {@code <namespace>/<pod>} (the provider's identity) in place of the service; every other provider
 * {@code not_applicable}. tmux and ssh session names are never compared.
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
   * run time (a kubernetes namespace may come from the kubeconfig).
   *
   * @param config the configuration
   * @param marker the local marker, if any
   * @param identity the provider's identity, read only when needed
   * @return the observation
   */
  public static Map<String, Object> of(
      CloudConfig config, Optional<LastChainMarker> marker, Supplier<String> identity) {
    if (KUBERNETES.equals(config.provider())) {
      return kubernetes(config, marker, identity);
    }
    if (!RAILWAY.equals(config.provider())) {
      return status("not_applicable", null);
    }
    if (marker.isPresent()) {
      LastChainMarker m = marker.get();
      if (m.provider() != null && !m.provider().equals(config.provider())) {
        return status(
            "mismatch",
            "the last chain was launched with provider '"
                + m.provider()
                + "', but cloud.yaml configures '"
                + config.provider()
                + "'");
      }
      String service = config.railway().service();
      if (m.providerIdentity() != null && !m.providerIdentity().equals(service)) {
        return status(
            "mismatch",
            "the last chain was launched on railway service '"
                + m.providerIdentity()
                + "', but cloud.yaml configures railway.service '"
                + service
                + "'");
      }
    }
    return status("consistent", null);
  }

  private static Map<String, Object> kubernetes(
      CloudConfig config, Optional<LastChainMarker> marker, Supplier<String> identity) {
    if (marker.isEmpty()) {
      return status("consistent", null);
    }
    LastChainMarker m = marker.get();
    if (m.provider() != null && !m.provider().equals(config.provider())) {
      return status(
          "mismatch",
          "the last chain was launched with provider '"
              + m.provider()
              + "', but cloud.yaml configures '"
              + config.provider()
              + "'");
    }
    String pod = identity.get();
    if (m.providerIdentity() != null && pod != null && !m.providerIdentity().equals(pod)) {
      return status(
          "mismatch",
          "the last chain was launched on kubernetes pod '"
              + m.providerIdentity()
              + "', but cloud.yaml and the kubeconfig now point at pod '"
              + pod
              + "'");
    }
    return status("consistent", null);
  }

  private static Map<String, Object> status(String status, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status);
    if (reason != null) {
      out.put("reason", reason);
    }
    return out;
  }
}
