package dev.megaplan.cloud.providers.ssh.internal;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import dev.megaplan.cloud.providers.internal.container.CommandTransport;
import java.time.Duration;
import java.util.List;

/**
 * A {@link CommandTransport} over one {@link SshConnection}: an argument vector becomes the shell
 * text of an exec channel, each word quoted with {@code ShellQuote.join}, so the remote login shell
 * passes every word through unchanged.
 */
public final class SshTransport implements CommandTransport {
  private final SshConnection connection;

  /**
   * Wraps a connection.
   *
   * @param connection the connection every call uses
   */
  public SshTransport(SshConnection connection) {
    this.connection = connection;
  }

  @Override
  public ExecResult run(List<String> argv, byte[] stdin, Duration timeout) {
    return connection.exec(ShellQuote.join(argv), stdin, timeout, false);
  }

  @Override
  public ExecResult runIdempotent(List<String> argv, Duration timeout) {
    return connection.exec(ShellQuote.join(argv), new byte[0], timeout, true);
  }
}
