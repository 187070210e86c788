package dev.megaplan.cloud.providers.internal.container;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import dev.megaplan.cloud.providers.internal.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A {@link CommandTransport} of child processes on this machine, with an explicit environment and
 * working directory (the local provider runs {@code docker compose …} this way).
 */
public final class LocalTransport implements CommandTransport {
  private final ProcessRunner runner;
  private final Map<String, String> environment;
  private final Path workingDirectory;

  /**
   * Creates the transport.
   *
   * @param runner runs the child processes
   * @param environment the complete environment of every child
   * @param workingDirectory where every child runs
   */
  public LocalTransport(
      ProcessRunner runner, Map<String, String> environment, Path workingDirectory) {
    this.runner = runner;
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory;
  }

  @Override
  public ExecResult run(List<String> argv, byte[] stdin, Duration timeout) {
    return runner.run(argv, environment, workingDirectory, timeout, ShellQuote.join(argv), stdin);
  }
}
