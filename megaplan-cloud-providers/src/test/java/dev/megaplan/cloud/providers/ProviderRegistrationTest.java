package dev.megaplan.cloud.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.core.ProviderRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRegistrationTest {
  @Test
  void theFiveProvidersAreDiscoveredThroughServiceLoader() {
    assertEquals(
        List.of("host", "kubernetes", "local", "railway", "ssh"),
        ProviderRegistry.discover().names());
  }

  @Test
  void eachRegisteredFactoryAnswersToItsOwnName() {
    ProviderRegistry registry = ProviderRegistry.discover();
    for (String name : registry.names()) {
      assertEquals(name, registry.factory(name).name());
    }
  }
}
