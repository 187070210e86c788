package dev.megaplan.cloud.providers.railway.internal;

import java.time.Duration;
import java.util.List;

/**
 * Runs one program on the Railway service and returns what it printed, stdout and stderr merged as
 * the relay merges them: the bottom half of {@link RailwayShell}. Implemented by the relay
 * WebSocket ({@link RelayClient}) and by the {@code railway} CLI ({@link RailwayCliExec}).
 */
public interface RelayExec {
  /**
   * What a run answered.
   *
   * @param exitCode the program's exit status
   * @param output every byte it printed, both streams merged
   */
  record Result(int exitCode, byte[] output) {}

  /**
   * Runs a program and waits for it.
   *
   * @param argv the program and its arguments
   * @param stdin text to type into the program's stdin (lines; empty for none)
   * @param timeout how long before {@code provider_failed} "timed out"
   * @return the exit status and output
   */
  Result run(List<String> argv, String stdin, Duration timeout);

  /**
   * Whether this transport can feed stdin (uploads need it).
   *
   * @return true when {@code stdin} reaches the program
   */
  boolean feedsStdin();

  /**
   * How messages name this transport.
   *
   * @return for example {@code Railway's SSH relay}
   */
  String describe();
}
