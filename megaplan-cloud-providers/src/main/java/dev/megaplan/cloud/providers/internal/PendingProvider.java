package dev.megaplan.cloud.providers.internal;

import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import java.util.Optional;

/**
 * A provider whose implementation has not landed yet: it is registered (so cloud.yaml can name it
 * and {@code config validate} accepts it) and answers {@code not_implemented} at first use.
 */
public final class PendingProvider implements Provider {
  private final String name;

  /**
   * Creates the placeholder.
   *
   * @param name the provider name
   */
  public PendingProvider(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
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
    throw unsupported("identify its deployment");
  }

  @Override
  public void close() {}
}
