package dev.megaplan.cloud.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.ProviderRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomProviderExampleTest {
  @TempDir Path home;

  @Test
  void aProviderJarOnTheClassPathIsFoundByItsName() {
    assertTrue(ProviderRegistry.discover().names().contains("sandbox"));
    assertTrue(ProviderRegistry.discover().names().contains("host"));
  }

  @Test
  void cloudYamlSelectsTheThirdPartyProvider() {
    CloudConfig config = CloudYaml.parse("provider: sandbox\nrepo: {url: https://x/app.git}\n");
    try (CloudSession session =
        CloudSession.builder(config).home(home).environment(name -> null).open()) {
      assertEquals("sandbox", session.provider().name());
      ExecResult result = session.provider().remoteShell().orElseThrow().exec("pwd");
      assertEquals(SandboxProviderFactory.boxFor(home).toString(), result.stdout().strip());
    }
  }
}
