package dev.megaplan.cloud.providers.railway.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The runner service's logs: the newest deployment's recent entries ({@code deploymentLogs} with a
 * limit), and for {@code --follow} polling that prints only entries not printed before. An entry is
 * known by its timestamp and message; the window of remembered entries is bounded, and polling
 * follows a new deployment when one appears.
 */
public final class RailwayLogs {
  /** How often {@code --follow} asks for new entries. */
  public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

  private static final int FOLLOW_LIMIT = 500;
  private static final int REMEMBERED = 5000;

  private final RailwayApi api;
  private final RailwayTarget target;
  private final Sleeper sleeper;

  /**
   * Creates the reader.
   *
   * @param api the API
   * @param target the service
   * @param sleeper waits between polls
   */
  public RailwayLogs(RailwayApi api, RailwayTarget target, Sleeper sleeper) {
    this.api = api;
    this.target = target;
    this.sleeper = sleeper;
  }

  /**
   * Prints the last {@code tailLines} entries, then returns.
   *
   * @param tailLines how many
   * @param sink receives each line
   */
  public void tail(int tailLines, Consumer<String> sink) {
    String deployment = latest().orElseThrow(this::noDeployment);
    for (RailwayApi.LogEntry entry : api.logs(deployment, tailLines)) {
      sink.accept(entry.message());
    }
  }

  /**
   * Prints the last {@code tailLines} entries, then every new one, until the thread is interrupted
   * or {@code polls} polls have run.
   *
   * @param tailLines how many recent lines first
   * @param sink receives each line
   * @param polls the number of polls after the first read ({@link Long#MAX_VALUE}: until
   *     interrupted)
   */
  public void follow(int tailLines, Consumer<String> sink, long polls) {
    String deployment = latest().orElseThrow(this::noDeployment);
    Set<String> seen = new HashSet<>();
    Deque<String> order = new ArrayDeque<>();
    List<RailwayApi.LogEntry> first = api.logs(deployment, FOLLOW_LIMIT);
    int skip = Math.max(0, first.size() - tailLines);
    for (int i = 0; i < first.size(); i++) {
      remember(first.get(i), seen, order);
      if (i >= skip) {
        sink.accept(first.get(i).message());
      }
    }
    for (long poll = 0; poll < polls; poll++) {
      try {
        sleeper.sleep(POLL_INTERVAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      Optional<String> newest = latest();
      if (newest.isPresent() && !newest.get().equals(deployment)) {
        deployment = newest.get();
      }
      for (RailwayApi.LogEntry entry : api.logs(deployment, FOLLOW_LIMIT)) {
        if (remember(entry, seen, order)) {
          sink.accept(entry.message());
        }
      }
    }
  }

  private static boolean remember(
      RailwayApi.LogEntry entry, Set<String> seen, Deque<String> order) {
    String key = entry.timestamp() + "\u0000" + entry.message();
    if (!seen.add(key)) {
      return false;
    }
    order.addLast(key);
    if (order.size() > REMEMBERED) {
      seen.remove(order.removeFirst());
    }
    return true;
  }

  private Optional<String> latest() {
    return api.deployments(target, 1).stream().findFirst().map(RailwayApi.Deployment::id);
  }

  private CloudException noDeployment() {
    return new CloudException(
        ErrorCode.PROVIDER_FAILED,
        "Railway " + target.describe() + " has no deployment yet: run `megaplan-cloud deploy`");
  }
}
