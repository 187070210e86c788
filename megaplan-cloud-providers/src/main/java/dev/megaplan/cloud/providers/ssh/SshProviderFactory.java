package dev.megaplan.cloud.providers.ssh;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.ProviderFactory;
import dev.megaplan.cloud.providers.internal.PendingProvider;

/** The {@code ssh} provider: any Docker host reached over SSH. */
public final class SshProviderFactory implements ProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public SshProviderFactory() {}

  @Override
  public String name() {
    return "ssh";
  }

  @Override
  public Provider create(ProviderContext context) {
    return new PendingProvider(name());
  }
}
