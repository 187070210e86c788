package dev.megaplan.cloud.core.internal.session;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The shell of a provider that has none: every call fails with {@code provider_unavailable}. Lets
 * the supervisor be built for such a provider, whose policy then refuses every mutation.
 */
public final class NoRemoteShell implements RemoteShell {
  private final String provider;

  /**
   * A shell standing in for a provider's missing one.
   *
   * @param provider the provider's name, for the message
   */
  public NoRemoteShell(String provider) {
    this.provider = provider;
  }

  private CloudException unavailable() {
    return new CloudException(
        ErrorCode.PROVIDER_UNAVAILABLE, "The '" + provider + "' provider has no remote shell.");
  }

  @Override
  public ExecResult exec(String command, Duration timeout) {
    throw unavailable();
  }

  @Override
  public void upload(List<Upload> uploads) {
    throw unavailable();
  }

  @Override
  public Optional<String> read(String remotePath) {
    throw unavailable();
  }
}
