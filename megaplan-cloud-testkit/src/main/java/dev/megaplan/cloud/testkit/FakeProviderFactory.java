package dev.megaplan.cloud.testkit;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.ProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ProviderFactory} that hands out one given {@link FakeProvider}, for code that resolves
 * providers by name. Register it explicitly, for example {@code ProviderRegistry.of(List.of(new
 * FakeProviderFactory(box)))}; it is deliberately not registered through {@code META-INF/services},
 * so it never shows up in real discovery.
 */
public final class FakeProviderFactory implements ProviderFactory {
  private final FakeProvider provider;
  private final List<ProviderContext> contexts = new ArrayList<>();

  /**
   * A factory for a fake, under the fake's name.
   *
   * @param provider the fake every {@link #create} returns
   */
  public FakeProviderFactory(FakeProvider provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  @Override
  public String name() {
    return provider.name();
  }

  @Override
  public synchronized Provider create(ProviderContext context) {
    contexts.add(context);
    return provider;
  }

  /**
   * The contexts {@link #create} was called with, in order.
   *
   * @return a copy
   */
  public synchronized List<ProviderContext> contexts() {
    return List.copyOf(contexts);
  }
}
