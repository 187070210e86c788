package dev.megaplan.cloud.providers.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a child process's stdin bytes on a thread of their own and closes the stream, so a child
 * that writes output before it has read all its input never deadlocks against this JVM.
 */
final class StdinFeeder {
  private StdinFeeder() {}

  /**
   * Starts feeding.
   *
   * @param stdin the child's stdin
   * @param bytes what to write, then end of file
   */
  static void start(OutputStream stdin, byte[] bytes) {
    Thread thread =
        new Thread(
            () -> {
              try (stdin) {
                stdin.write(bytes);
              } catch (IOException e) {
                // the child exited without reading everything: its exit status tells why
              }
            },
            "process-stdin");
    thread.setDaemon(true);
    thread.start();
  }
}
