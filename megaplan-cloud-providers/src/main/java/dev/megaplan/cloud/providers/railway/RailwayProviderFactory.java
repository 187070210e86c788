package dev.megaplan.cloud.providers.railway;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.ProviderFactory;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import java.time.Clock;

/**
 * The {@code railway} provider: a hosted runner on Railway, driven through Railway's public API.
 */
public final class RailwayProviderFactory implements ProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public RailwayProviderFactory() {}

  @Override
  public String name() {
    return "railway";
  }

  @Override
  public Provider create(ProviderContext context) {
    return new RailwayProvider(context, Sleeper.SYSTEM, Clock.systemUTC());
  }
}
