package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import java.util.Optional;

/**
 * A shell-less provider whose root is {@code /box}: {@code /workspace/x} becomes {@code /box/x}.
 */
final class TranslatingProvider implements Provider {
  @Override
  public String name() {
    return "stub";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.builder()
        .remoteShell(false)
        .namedSessions(false)
        .interactiveAttach(false)
        .persistentVolume(false)
        .sameMachine(true)
        .build();
  }

  @Override
  public Optional<RemoteShell> remoteShell() {
    return Optional.empty();
  }

  @Override
  public String toRemotePath(String configuredPath) {
    return configuredPath.startsWith("/workspace/")
        ? "/box" + configuredPath.substring("/workspace".length())
        : configuredPath;
  }

  @Override
  public String identity() {
    return "/box";
  }

  @Override
  public void close() {}
}
