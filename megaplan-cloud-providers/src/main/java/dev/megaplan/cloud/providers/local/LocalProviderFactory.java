package dev.megaplan.cloud.providers.local;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.ProviderFactory;

/** The {@code local} provider: Docker Compose in a persistent deploy directory on this machine. */
public final class LocalProviderFactory implements ProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public LocalProviderFactory() {}

  @Override
  public String name() {
    return LocalProvider.NAME;
  }

  @Override
  public Provider create(ProviderContext context) {
    return new LocalProvider(context);
  }
}
