package dev.megaplan.cloud.providers.internal.container;

import dev.megaplan.cloud.api.provider.ExecResult;
import java.time.Duration;
import java.util.List;

/**
 * Runs one argument vector somewhere — a child process of this machine, an exec channel of an SSH
 * connection — feeding it stdin bytes and waiting for it. The bottom half of a container provider's
 * remote shell; {@link ContainerShell} is the top half.
 *
 * <p>A transport that takes shell text rather than a vector (SSH) joins the words with {@code
 * ShellQuote.join}, so no word is ever split or expanded on the way.
 */
public interface CommandTransport {
  /**
   * Runs a program and waits for it.
   *
   * @param argv the program and its arguments, each one word
   * @param stdin the bytes the program reads on stdin (empty: stdin is closed at once)
   * @param timeout how long before the program is stopped and {@code provider_failed} thrown
   * @return the exit status and output; a non-zero exit status is data
   */
  ExecResult run(List<String> argv, byte[] stdin, Duration timeout);

  /**
   * Runs a program that only reads (it changes nothing on the box), so a transport may send it
   * again when its connection drops while it runs. By default the same as {@link #run} with no
   * stdin.
   *
   * @param argv the program and its arguments, each one word
   * @param timeout how long before the program is stopped and {@code provider_failed} thrown
   * @return the exit status and output
   */
  default ExecResult runIdempotent(List<String> argv, Duration timeout) {
    return run(argv, new byte[0], timeout);
  }
}
