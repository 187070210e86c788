package dev.megaplan.cloud.testkit.container.internal;

import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.providers.internal.container.CommandTransport;
import dev.megaplan.cloud.providers.internal.container.ContainerShell;
import java.util.List;
import java.util.Optional;

/**
 * The provider of a {@code RunnerBoxContainer}: "run inside the container" ({@link ContainerShell})
 * over the Docker API's exec ({@link ExecTransport}); only the remote shell, the container's life
 * belongs to Testcontainers.
 */
public final class RunnerBoxProvider implements Provider {
  /** The provider's name in reports. */
  public static final String NAME = "runner-box";

  private final ContainerShell shell;
  private final String containerId;

  /**
   * Binds the provider to a container.
   *
   * @param transport runs argument vectors in the container
   * @param containerId the container, for messages and as the identity
   */
  public RunnerBoxProvider(CommandTransport transport, String containerId) {
    this.shell = new ContainerShell(transport, List.of(), "runner box container " + containerId);
    this.containerId = containerId;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.builder()
        .remoteShell(true)
        .namedSessions(true)
        .interactiveAttach(false)
        .persistentVolume(false)
        .sameMachine(false)
        .build();
  }

  @Override
  public Optional<RemoteShell> remoteShell() {
    return Optional.of(shell);
  }

  @Override
  public String identity() {
    return containerId;
  }

  /** Nothing to release: the container belongs to Testcontainers. */
  @Override
  public void close() {}
}
