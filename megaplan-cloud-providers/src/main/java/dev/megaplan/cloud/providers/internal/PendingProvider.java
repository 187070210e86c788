package dev.megaplan.cloud.providers.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.Provider;

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

  /**
   * The error every operation of this provider answers.
   *
   * @param operation what was asked, for example {@code deploy}
   * @return the exception to throw
   */
  public CloudException notImplemented(String operation) {
    return new CloudException(
        ErrorCode.NOT_IMPLEMENTED,
        "The '" + name + "' provider cannot " + operation + " yet: it is not implemented.");
  }

  @Override
  public void close() {}
}
