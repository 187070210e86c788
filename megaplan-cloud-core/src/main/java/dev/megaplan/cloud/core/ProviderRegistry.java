package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ProviderFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The provider factories found on the class path, by name. Discovery uses {@link ServiceLoader}
 * with the thread's context class loader, then this library's own. Two factories claiming one name
 * is an error, never "first on the class path wins".
 */
public final class ProviderRegistry {
  private final Map<String, ProviderFactory> factories;

  private ProviderRegistry(Map<String, ProviderFactory> factories) {
    this.factories = factories;
  }

  /**
   * Discovers every registered {@link ProviderFactory}.
   *
   * @return the registry
   * @throws CloudException {@code invalid_spec} when two factories claim the same name or a
   *     registration is broken
   */
  public static ProviderRegistry discover() {
    List<ProviderFactory> found = new ArrayList<>();
    List<Class<?>> seen = new ArrayList<>();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    for (ClassLoader loader :
        new ClassLoader[] {context, ProviderRegistry.class.getClassLoader()}) {
      if (loader == null) {
        continue;
      }
      try {
        for (ProviderFactory factory : ServiceLoader.load(ProviderFactory.class, loader)) {
          if (!seen.contains(factory.getClass())) {
            seen.add(factory.getClass());
            found.add(factory);
          }
        }
      } catch (ServiceConfigurationError e) {
        throw new CloudException(
            ErrorCode.INVALID_SPEC, "A provider registration is broken: " + e.getMessage());
      }
    }
    return of(found);
  }

  /**
   * A registry of explicitly given factories (an explicit choice beats discovery).
   *
   * @param factories the factories
   * @return the registry
   * @throws CloudException {@code invalid_spec} when two factories claim the same name
   */
  public static ProviderRegistry of(Collection<? extends ProviderFactory> factories) {
    Map<String, ProviderFactory> byName = new TreeMap<>();
    for (ProviderFactory factory : factories) {
      ProviderFactory previous = byName.putIfAbsent(factory.name(), factory);
      if (previous != null) {
        throw new CloudException(
            ErrorCode.INVALID_SPEC,
            "Two providers claim the name '"
                + factory.name()
                + "': "
                + previous.getClass().getName()
                + " and "
                + factory.getClass().getName()
                + "; remove one of them from the class path",
            Map.of("provider", factory.name()));
      }
    }
    return new ProviderRegistry(byName);
  }

  /**
   * The names found, sorted.
   *
   * @return the names
   */
  public List<String> names() {
    return List.copyOf(factories.keySet());
  }

  /**
   * The factory for a name.
   *
   * @param name the provider name from cloud.yaml
   * @return the factory
   * @throws CloudException {@code invalid_spec} "Unknown cloud provider 'X'" listing the names
   *     found
   */
  public ProviderFactory factory(String name) {
    ProviderFactory factory = factories.get(name);
    if (factory == null) {
      throw new CloudException(
          ErrorCode.INVALID_SPEC,
          "Unknown cloud provider '"
              + name
              + "'. Providers found on the class path: "
              + String.join(", ", names()),
          Map.of("provider", name, "available_providers", names()));
    }
    return factory;
  }
}
