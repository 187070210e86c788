package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.supervisor.TickReport;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A running {@code supervise --watch} loop: ticks until the chain is complete or a tick is blocked
 * for a reason only a human can clear, with jittered intervals and backoff after errors. Cancel it
 * at any time; {@link #await} waits for it to end.
 */
public final class SupervisorWatch {
  /** Effective statuses whose refusal only a human can clear: watching further is pointless. */
  private static final Set<String> HUMAN_ONLY = Set.of("human_prerequisite", "quality_gate");

  private static final int MAX_BACKOFF_FACTOR = 8;

  private final Thread thread;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean cancelled;
  private volatile TickReport last;

  SupervisorWatch(
      Supplier<TickReport> tick,
      Duration interval,
      Consumer<TickReport> listener,
      Sleeper sleeper,
      Random jitter) {
    this.thread =
        new Thread(
            () -> {
              try {
                loop(tick, interval, listener, sleeper, jitter);
              } finally {
                finished.countDown();
              }
            },
            "megaplan-supervisor-watch");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void loop(
      Supplier<TickReport> tick,
      Duration interval,
      Consumer<TickReport> listener,
      Sleeper sleeper,
      Random jitter) {
    int backoff = 1;
    while (!cancelled && !Thread.currentThread().isInterrupted()) {
      TickReport report = tick.get();
      last = report;
      listener.accept(report);
      if (isFinal(report)) {
        return;
      }
      backoff = report.success() ? 1 : Math.min(backoff * 2, MAX_BACKOFF_FACTOR);
      long base = interval.toMillis() * backoff;
      long jittered = base + (long) ((jitter.nextDouble() - 0.5) * 0.2 * base);
      try {
        sleeper.sleep(Duration.ofMillis(Math.max(0, jittered)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Whether a tick ends the watch: the chain is done, or blocked for a reason only a human can
   * clear.
   *
   * @param report the tick's report
   * @return true to stop watching
   */
  static boolean isFinal(TickReport report) {
    if (report.nextAction().equals("done")) {
      return true;
    }
    if (!report.nextAction().equals("blocked") || !report.success()) {
      return false;
    }
    return HUMAN_ONLY.contains(report.effectiveStatus())
        || report.refusedReason().orElse("").startsWith("provider consistency mismatch");
  }

  /** Stops the loop after the current tick; never interrupts a tick halfway through a restart. */
  public void cancel() {
    cancelled = true;
  }

  /**
   * Waits for the loop to end.
   *
   * @param timeout how long to wait at most
   * @return true when it ended
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean await(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Whether the loop has ended.
   *
   * @return true when ended
   */
  public boolean isDone() {
    return finished.getCount() == 0;
  }

  /**
   * The last tick's report.
   *
   * @return the report, or null before the first tick ends
   */
  public TickReport lastReport() {
    return last;
  }
}
