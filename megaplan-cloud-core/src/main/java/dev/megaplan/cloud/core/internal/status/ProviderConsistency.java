package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payload's {@code provider_consistency}, {@code {status, reason?}}: for {@code railway},
 * {@code mismatch} when the local marker's {@code provider} differs from the configured one or its
 * {@code provider_identity} differs from {@code railway.service}, else {@code consistent} (a marker
 * field that is absent differs from nothing); every other provider {@code not_applicable}. tmux and
 * ssh session names are never compared.
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

  private static Map<String, Object> status(String status, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status);
    if (reason != null) {
      out.put("reason", reason);
    }
    return out;
  }
}
