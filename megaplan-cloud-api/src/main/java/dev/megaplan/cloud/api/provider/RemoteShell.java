package dev.megaplan.cloud.api.provider;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs commands on the runner box and moves files there: the transport that dispatch, chain status
 * and the supervisor use. A transport (local processes, SSH, a relay) may be wrapped by "run inside
 * container X"; callers cannot tell the difference.
 *
 * <p>Every call has a timeout. Transport failures throw {@code CloudException} with {@code
 * provider_failed}; a command's non-zero exit is returned as data.
 */
public interface RemoteShell {
  /** The timeout of calls that do not name one. */
  Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  /**
   * Runs shell text on the box ({@code bash -c} semantics) and waits for it.
   *
   * @param command the shell text, every interpolated value already quoted
   * @param timeout how long to wait before the command is killed and {@code provider_failed} thrown
   * @return the exit status and output
   */
  ExecResult exec(String command, Duration timeout);

  /**
   * Runs shell text with the {@link #DEFAULT_TIMEOUT}.
   *
   * @param command the shell text
   * @return the exit status and output
   */
  default ExecResult exec(String command) {
    return exec(command, DEFAULT_TIMEOUT);
  }

  /**
   * Places files on the box atomically: each is written to a temp path beside its destination, then
   * renamed, creating parent directories; a failed upload leaves the previous file intact. Content
   * never travels on a command line. Transports that can batch do all files in a handful of round
   * trips.
   *
   * @param uploads the files
   */
  void upload(List<Upload> uploads);

  /**
   * Reads a remote file as UTF-8.
   *
   * @param remotePath an absolute remote path
   * @return the content, or empty when no such file exists (other failures throw)
   */
  Optional<String> read(String remotePath);
}
