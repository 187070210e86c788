package dev.megaplan.cloud.providers.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Drains one output stream of a child process on its own thread, so stdout and stderr are read
 * concurrently and a chatty child never blocks on a full pipe.
 */
final class StreamCollector {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final Thread thread;

  private StreamCollector(InputStream in, String name) {
    this.thread = new Thread(() -> drain(in), name);
    this.thread.setDaemon(true);
  }

  /**
   * Starts draining a stream.
   *
   * @param in the child's stream
   * @param name a thread name for diagnostics
   * @return the running collector
   */
  static StreamCollector start(InputStream in, String name) {
    StreamCollector collector = new StreamCollector(in, name);
    collector.thread.start();
    return collector;
  }

  private void drain(InputStream in) {
    byte[] chunk = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        synchronized (buffer) {
          buffer.write(chunk, 0, n);
        }
      }
    } catch (IOException e) {
      // the stream was closed under us (the process was killed): keep what was read
    }
  }

  /**
   * Waits until the stream reached its end.
   *
   * @param timeout how long to wait at most
   * @return whether the stream ended in time
   * @throws InterruptedException when the waiting thread is interrupted
   */
  boolean await(Duration timeout) throws InterruptedException {
    long millis = Math.max(1, timeout.toMillis());
    thread.join(millis);
    return !thread.isAlive();
  }

  /**
   * What was read so far, decoded as UTF-8 (malformed bytes become U+FFFD).
   *
   * @return the text
   */
  String text() {
    synchronized (buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }
}
