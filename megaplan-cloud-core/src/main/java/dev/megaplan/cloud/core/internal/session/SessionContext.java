package dev.megaplan.cloud.core.internal.session;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.marker.LocalMarkers;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything one {@code CloudSession}'s operations share: the configuration, the provider, the
 * local environment and home, the redactor built once, the clock and the sleeper (injected so tests
 * neither wait nor depend on the time of day).
 *
 * @param config the configuration
 * @param cloudYaml the cloud.yaml path markers are keyed by (absolute)
 * @param provider the provider, opened for this session
 * @param environment the local environment lookup
 * @param home the local home directory
 * @param redactor the session's redactor
 * @param clock the clock
 * @param sleeper waits between polls
 */
public record SessionContext(
    CloudConfig config,
    Path cloudYaml,
    Provider provider,
    Function<String, String> environment,
    Path home,
    Redactor redactor,
    Clock clock,
    Sleeper sleeper) {

  /**
   * The local markers under the home directory.
   *
   * @return the markers
   */
  public LocalMarkers markers() {
    return new LocalMarkers(home);
  }

  /**
   * The provider's remote shell, or the error an operation that needs one reports.
   *
   * @param operation what needs the shell, for the message
   * @return the shell
   * @throws CloudException {@code provider_unavailable} when the provider has none
   */
  public RemoteShell shell(String operation) {
    Optional<RemoteShell> shell = provider.remoteShell();
    return shell.orElseThrow(
        () ->
            new CloudException(
                ErrorCode.PROVIDER_UNAVAILABLE,
                "The '"
                    + provider.name()
                    + "' provider has no remote shell, which "
                    + operation
                    + " needs."));
  }

  /**
   * {@code repo.workspace} as a path on the box.
   *
   * @return the configured workspace, translated
   */
  public String configuredWorkspace() {
    return provider.toRemotePath(config.repo().workspace());
  }

  /**
   * The launcher ({@code megaplan.command}), a shell fragment inserted as the user wrote it.
   *
   * @return the launcher
   */
  public String launcher() {
    return config.megaplan().command();
  }
}
