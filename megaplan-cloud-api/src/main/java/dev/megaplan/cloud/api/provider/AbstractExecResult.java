package dev.megaplan.cloud.api.provider;

import org.immutables.value.Value;

/**
 * What a remote command answered. A non-zero exit status is data, not an exception; only transport
 * failures throw.
 */
@Value.Immutable
abstract class AbstractExecResult {
  /** The command's exit status. */
  public abstract int exitCode();

  /** Everything the command wrote to stdout (UTF-8). */
  public abstract String stdout();

  /** Everything the command wrote to stderr (UTF-8). */
  public abstract String stderr();

  /**
   * Whether the command exited 0.
   *
   * @return true on success
   */
  public boolean succeeded() {
    return exitCode() == 0;
  }

  /**
   * A result built from its three parts.
   *
   * @param exitCode the exit status
   * @param stdout the standard output
   * @param stderr the standard error
   * @return the result
   */
  public static ExecResult of(int exitCode, String stdout, String stderr) {
    return ExecResult.builder().exitCode(exitCode).stdout(stdout).stderr(stderr).build();
  }
}
