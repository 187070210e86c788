package dev.megaplan.cloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.supervisor.TickReport;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider without a remote shell gets a report, never a restart and never an exception. */
class SupervisorWithoutRemoteShellTest {
  @TempDir Path home;

  private static final class ShellLess implements Provider {
    @Override
    public String name() {
      return "shell-less";
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.builder()
          .remoteShell(false)
          .namedSessions(false)
          .interactiveAttach(false)
          .persistentVolume(false)
          .sameMachine(false)
          .build();
    }

    @Override
    public Optional<RemoteShell> remoteShell() {
      return Optional.empty();
    }

    @Override
    public String identity() {
      return "nowhere";
    }

    @Override
    public void close() {}
  }

  @Test
  void aTickIsBlockedBecauseTheProviderLacksExec() {
    try (CloudSession session =
        CloudSession.builder(CloudYaml.parse("provider: host\nrepo: {url: https://x/a.git}\n"))
            .provider(new ShellLess())
            .home(home)
            .environment(Map.<String, String>of()::get)
            .open()) {
      TickReport report = session.supervisor(Optional.of("/workspace/app/chain.yaml")).tick();
      assertTrue(report.success(), report.toString());
      assertFalse(report.acted());
      assertEquals("blocked", report.nextAction());
      assertEquals(
          Optional.of("provider lacks exec (no remote shell); cannot restart the runner"),
          report.refusedReason());
      assertEquals("skipped", report.syncRefresh().get("status"));
    }
  }
}
