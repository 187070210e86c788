package dev.megaplan.cloud.examples;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.ProviderFactory;
import java.nio.file.Path;

/**
 * Example: a third-party provider, registered in {@code
 * META-INF/services/dev.megaplan.cloud.api.provider.ProviderFactory}, so {@code provider: sandbox}
 * in cloud.yaml selects it once its jar is on the class path. The box is a local directory.
 */
public final class SandboxProviderFactory implements ProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public SandboxProviderFactory() {}

  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  public Provider create(ProviderContext context) {
    return new SandboxProvider(context.home().resolve(".megaplan/cloud/sandbox"));
  }

  /**
   * The directory a sandbox provider created with this home uses as its box.
   *
   * @param home the home directory
   * @return the box directory
   */
  public static Path boxFor(Path home) {
    return home.resolve(".megaplan/cloud/sandbox");
  }
}
