package dev.megaplan.cloud.providers.host;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.ProviderFactory;
import java.nio.file.Path;

/**
 * The {@code host} provider: the runner box is this machine (tmux, bash and git of its own), the
 * embedded default. Maps cloud.yaml onto {@link HostSettings} in one place, {@link
 * #settings(ProviderContext)}.
 */
public final class HostProviderFactory implements ProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public HostProviderFactory() {}

  @Override
  public String name() {
    return HostProvider.NAME;
  }

  @Override
  public Provider create(ProviderContext context) {
    return new HostProvider(settings(context));
  }

  /**
   * The host settings a configuration asks for: the root ({@code host.root}, by default {@code
   * ~/.megaplan/cloud/host/<repo dir>}), the launcher ({@code megaplan.command}), the local
   * environment, and the configured secrets as variables passed to the box.
   *
   * @param context the configuration and local environment
   * @return the settings
   */
  public static HostSettings settings(ProviderContext context) {
    CloudConfig config = context.config();
    HostSettings.Builder settings =
        HostSettings.builder()
            .home(context.home())
            .repoUrl(config.repo().url())
            .environment(context.environment())
            .passVariables(config.secrets());
    config.host().ifPresent(host -> settings.root(Path.of(host.root())));
    settings.launcher(config.megaplan().command());
    settings.bootConfig(config);
    return settings.build();
  }
}
