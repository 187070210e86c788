package dev.megaplan.cloud.api.provider;

/**
 * Creates a {@link Provider} for a configuration. Implementations are registered under {@code
 * META-INF/services/dev.megaplan.cloud.api.provider.ProviderFactory} and must load without their
 * external tools or credentials being present: a missing CLI or token is reported at first use.
 */
public interface ProviderFactory {
  /**
   * The name cloud.yaml's {@code provider:} selects this factory by, for example {@code ssh}.
   *
   * @return a non-empty name, unique on the class path
   */
  String name();

  /**
   * Creates a provider for one session.
   *
   * @param context the configuration and local environment
   * @return a provider; closing it releases connections it opened
   */
  Provider create(ProviderContext context);
}
