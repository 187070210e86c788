package dev.megaplan.cloud.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.testkit.FakeProvider;
import dev.megaplan.cloud.testkit.Match;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Example: testing code that embeds the SDK, with the testkit's fake provider instead of a box. */
class FakeProviderExampleTest {
  @TempDir Path home;

  @Test
  void remoteOutputIsScriptedAndSecretsAreRedacted() {
    // snippet: testkit-fake
    FakeProvider box = new FakeProvider();
    box.when(Match.startingWith("uptime")).thenReturn(0, "up 3 days, token=sk-live-123456\n", "");
    CloudConfig cfg =
        CloudYaml.parse("provider: host\nrepo: {url: https://x/app.git}\nsecrets: [API_TOKEN]\n");
    try (CloudSession session =
        CloudSession.builder(cfg)
            .provider(box)
            .home(home)
            .environment(Map.of("API_TOKEN", "sk-live-123456")::get)
            .open()) {
      ExecResult result = session.exec("uptime");
      assertEquals("up 3 days, token=***REDACTED***\n", result.stdout());
    }
    assertEquals(List.of("uptime"), box.commands());
    // end snippet
  }
}
