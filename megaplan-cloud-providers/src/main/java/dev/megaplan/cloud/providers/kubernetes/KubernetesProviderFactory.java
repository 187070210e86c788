package dev.megaplan.cloud.providers.kubernetes;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.ProviderFactory;

/**
 * The {@code kubernetes} provider: the runner as a one-replica StatefulSet in a cluster, driven
 * through the Kubernetes API.
 */
public final class KubernetesProviderFactory implements ProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public KubernetesProviderFactory() {}

  @Override
  public String name() {
    return KubernetesProvider.NAME;
  }

  @Override
  public Provider create(ProviderContext context) {
    return new KubernetesProvider(context);
  }
}
