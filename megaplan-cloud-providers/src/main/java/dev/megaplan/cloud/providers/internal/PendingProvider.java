package dev.megaplan.cloud.providers.internal;

import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import java.time.Duration;
import java.util.List;
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
        .remoteShell(true)
        .namedSessions(false)
        .interactiveAttach(false)
        .persistentVolume(false)
        .sameMachine(false)
        .build();
  }

  /** A shell that answers {@code not_implemented}: the provider will have one. */
  @Override
  public Optional<RemoteShell> remoteShell() {
    return Optional.of(
        new RemoteShell() {
          @Override
          public ExecResult exec(String command, Duration timeout) {
            throw unsupported("run remote commands");
          }

          @Override
          public void upload(List<Upload> uploads) {
            throw unsupported("upload files");
          }

          @Override
          public Optional<String> read(String remotePath) {
            throw unsupported("read remote files");
          }
        });
  }

  @Override
  public String identity() {
    throw unsupported("identify its deployment");
  }

  @Override
  public void close() {}
}
