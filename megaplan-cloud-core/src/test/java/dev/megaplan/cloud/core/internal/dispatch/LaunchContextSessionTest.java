package dev.megaplan.cloud.core.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchContextSessionTest {
  @Test
  void aDerivedSessionHasNoDotBecauseTmuxWouldRewriteIt() {
    LaunchContext launch =
        LaunchContext.derive(
            "v1.2 chain.yaml",
            Optional.empty(),
            List.of("m1"),
            Optional.empty(),
            "/workspace/app",
            false,
            "https://x/app.git",
            "/workspace");
    assertEquals("v1.2-chain", launch.slug());
    assertTrue(launch.session().startsWith("megaplan-chain-v1_2-chain-"), launch.session());
    assertTrue(launch.workspace().startsWith("/workspace/v1.2-chain-"), launch.workspace());
  }
}
