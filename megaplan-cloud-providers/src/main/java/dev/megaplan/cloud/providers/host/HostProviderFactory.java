package dev.megaplan.cloud.providers.host;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.ProviderFactory;
import dev.megaplan.cloud.providers.internal.PendingProvider;

/**
 * The {@code host} provider: the runner box is this machine (tmux, bash and git of its own), the
 * embedded default.
 */
public final class HostProviderFactory implements ProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public HostProviderFactory() {}

  @Override
  public String name() {
    return "host";
  }

  @Override
  public Provider create(ProviderContext context) {
    return new PendingProvider(name());
  }
}
