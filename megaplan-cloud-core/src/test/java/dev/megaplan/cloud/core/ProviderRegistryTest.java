package dev.megaplan.cloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.ProviderFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {
  private static ProviderFactory named(String name) {
    return new ProviderFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Provider create(ProviderContext context) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void findsAFactoryByName() {
    ProviderFactory ssh = named("ssh");
    ProviderRegistry registry = ProviderRegistry.of(List.of(named("host"), ssh));
    assertSame(ssh, registry.factory("ssh"));
    assertEquals(List.of("host", "ssh"), registry.names());
  }

  @Test
  void unknownNameListsTheNamesFound() {
    ProviderRegistry registry = ProviderRegistry.of(List.of(named("host"), named("ssh")));
    CloudException e = assertThrows(CloudException.class, () -> registry.factory("flyy"));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertEquals(
        "Unknown cloud provider 'flyy'. Providers found on the class path: host, ssh",
        e.getMessage());
    assertEquals(List.of("host", "ssh"), e.context().get("available_providers"));
  }

  @Test
  void twoFactoriesClaimingOneNameAreRefused() {
    CloudException e =
        assertThrows(
            CloudException.class, () -> ProviderRegistry.of(List.of(named("ssh"), named("ssh"))));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertTrue(e.getMessage().startsWith("Two providers claim the name 'ssh'"), e.getMessage());
  }

  @Test
  void discoveryWithNoRegistrationsFindsNothingInCore() {
    // core registers no provider of its own: concrete providers live in their own module
    assertEquals(List.of(), ProviderRegistry.discover().names());
  }
}
