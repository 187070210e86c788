package dev.megaplan.cloud.providers.ssh.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where and how one SSH connection goes: host, port, user, the known-hosts file, the key choice and
 * the local environment (for {@code SSH_KEY_PASSPHRASE} and {@code SSH_AUTH_SOCK}), and the connect
 * timeout and keep-alive interval.
 */
public final class SshEndpoint {
  private final String host;
  private final int port;
  private final String user;
  private final Path knownHosts;
  private final Optional<Path> identityFile;
  private final Path home;
  private final Function<String, String> environment;
  private final Duration connectTimeout;
  private final Duration keepAlive;

  /**
   * Describes an endpoint.
   *
   * @param host the host name or address
   * @param port the port
   * @param user the user name
   * @param knownHosts the known-hosts file that verifies the host key
   * @param identityFile the configured private key, when there is one ({@code ~} already expanded)
   * @param home the local home directory (default key files live in its {@code .ssh})
   * @param environment the local environment lookup (null for unset names)
   * @param connectTimeout how long connecting and authenticating may take
   * @param keepAlive how often an idle connection is probed
   */
  public SshEndpoint(
      String host,
      int port,
      String user,
      Path knownHosts,
      Optional<Path> identityFile,
      Path home,
      Function<String, String> environment,
      Duration connectTimeout,
      Duration keepAlive) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.knownHosts = knownHosts;
    this.identityFile = identityFile;
    this.home = home;
    this.environment = environment;
    this.connectTimeout = connectTimeout;
    this.keepAlive = keepAlive;
  }

  /**
   * The host.
   *
   * @return the host name or address
   */
  public String host() {
    return host;
  }

  /**
   * The port.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * The user.
   *
   * @return the user name
   */
  public String user() {
    return user;
  }

  /**
   * The known-hosts file.
   *
   * @return the path
   */
  public Path knownHosts() {
    return knownHosts;
  }

  /**
   * The configured private key.
   *
   * @return the path, or empty
   */
  public Optional<Path> identityFile() {
    return identityFile;
  }

  /**
   * The local home directory.
   *
   * @return the path
   */
  public Path home() {
    return home;
  }

  /**
   * The local environment lookup.
   *
   * @return the lookup
   */
  public Function<String, String> environment() {
    return environment;
  }

  /**
   * How long connecting may take.
   *
   * @return the timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * The keep-alive interval.
   *
   * @return the interval
   */
  public Duration keepAlive() {
    return keepAlive;
  }

  /**
   * How messages name the endpoint.
   *
   * @return {@code user@host:port}
   */
  public String describe() {
    return user + "@" + host + ":" + port;
  }
}
