package dev.megaplan.cloud.providers.kubernetes.internal;

import dev.megaplan.cloud.core.internal.remote.Sleeper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PrettyLoggable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The runner container's log through the API ({@code GET …/pods/POD/log}): the last lines, or
 * followed until the calling thread is interrupted.
 *
 * <p>A followed stream ends whenever the connection drops or the container restarts; it is opened
 * again with {@code sinceTime} set to the second of the last line seen, and {@code timestamps=true}
 * tells lines apart: those older than the last line, and as many of the last line's instant as were
 * already passed on, are skipped, so nothing is shown twice and nothing is missed.
 */
public final class PodLogs {
  private static final Duration RECONNECT = Duration.ofSeconds(1);
  private static final Duration MAX_RECONNECT = Duration.ofSeconds(10);
  private static final Object END = new Object();

  private final KubernetesClient client;
  private final RunnerTarget target;
  private final Sleeper sleeper;

  /**
   * Creates the reader.
   *
   * @param client the API client
   * @param target the runner
   * @param sleeper waits before reconnecting
   */
  public PodLogs(KubernetesClient client, RunnerTarget target, Sleeper sleeper) {
    this.client = client;
    this.target = target;
    this.sleeper = sleeper;
  }

  private ContainerResource container() {
    return client
        .pods()
        .inNamespace(target.namespace())
        .withName(target.pod())
        .inContainer(RunnerTarget.CONTAINER);
  }

  /**
   * Passes the last lines to the sink.
   *
   * @param lines how many
   * @param sink receives each line
   */
  public void tail(int lines, Consumer<String> sink) {
    String text =
        ApiCalls.call(
            () -> container().tailingLines(lines).getLog(), "read the log of " + target.describe());
    if (text == null || text.isEmpty()) {
      return;
    }
    String[] split = text.split("\n", -1);
    int count = text.endsWith("\n") ? split.length - 1 : split.length;
    for (int i = 0; i < count; i++) {
      sink.accept(split[i]);
    }
  }

  /**
   * Follows the log: the last lines first, then every new one, until the thread is interrupted.
   *
   * @param lines how many recent lines to show first
   * @param sink receives each line
   */
  public void follow(int lines, Consumer<String> sink) {
    Cursor cursor = new Cursor();
    Duration backoff = RECONNECT;
    boolean first = true;
    while (!Thread.currentThread().isInterrupted()) {
      LogWatch watch;
      try {
        PrettyLoggable request =
            cursor.since().isEmpty()
                ? container().usingTimestamps().tailingLines(lines)
                : container()
                    .usingTimestamps()
                    .sinceTime(cursor.since().get().truncatedTo(ChronoUnit.SECONDS).toString());
        watch = request.watchLog();
      } catch (KubernetesClientException e) {
        if (first) {
          throw ApiCalls.failed("follow the log of " + target.describe(), e);
        }
        watch = null;
      }
      if (watch == null) {
        backoff = min(backoff.multipliedBy(2), MAX_RECONNECT);
      } else {
        int before = cursor.passed;
        if (!first) {
          cursor.reconnected();
        }
        if (!drain(watch, cursor, sink)) {
          return;
        }
        backoff = cursor.passed > before ? RECONNECT : min(backoff.multipliedBy(2), MAX_RECONNECT);
      }
      first = false;
      try {
        sleeper.sleep(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Reads one stream to its end; false when the thread was interrupted meanwhile. */
  private boolean drain(LogWatch watch, Cursor cursor, Consumer<String> sink) {
    BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the stream dropped: reconnect
              } finally {
                lines.add(END);
              }
            },
            "kubernetes-log-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      while (true) {
        Object next = lines.poll(1, TimeUnit.SECONDS);
        if (next == END) {
          return true;
        }
        if (next != null) {
          cursor.offer((String) next, sink);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      watch.close();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The position in the log: the last line's instant and how many lines of that instant passed. */
  private static final class Cursor {
    private Instant last;
    private int atLast;
    private int skip;
    private int passed;

    Optional<Instant> since() {
      return Optional.ofNullable(last);
    }

    /** A new stream starts at the second of the last line: skip what was already passed on. */
    void reconnected() {
      skip = atLast;
    }

    void offer(String stamped, Consumer<String> sink) {
      int space = stamped.indexOf(' ');
      Instant at;
      try {
        at = Instant.parse(space < 0 ? stamped : stamped.substring(0, space));
      } catch (DateTimeParseException e) {
        sink.accept(stamped);
        passed++;
        return;
      }
      if (last != null && at.isBefore(last)) {
        return;
      }
      if (last != null && at.equals(last)) {
        if (skip > 0) {
          skip--;
          return;
        }
        atLast++;
      } else {
        last = at;
        atLast = 1;
        skip = 0;
      }
      sink.accept(space < 0 ? "" : stamped.substring(space + 1));
      passed++;
    }
  }
}
