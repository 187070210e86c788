package dev.megaplan.cloud.core.internal.remote;

import java.time.Duration;

/** Waits; injected so that polling logic is tested without sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** The real clock's sleeper. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Waits for the duration.
   *
   * @param duration how long
   * @throws InterruptedException when interrupted
   */
  void sleep(Duration duration) throws InterruptedException;
}
