package dev.megaplan.cloud.core.internal.remote;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import java.time.Duration;
import java.util.Objects;

/**
 * Polls the launch probe (03 §9): up to {@code attempts} probes, {@code interval} apart (6 and 5 s
 * by default), stopping early once the launch is {@code ok} or the session is gone (a dead session
 * does not come back). Waiting goes through the injected {@link Sleeper}.
 */
public final class LaunchVerifier {
  /** The default number of probes. */
  public static final int DEFAULT_ATTEMPTS = 6;

  /** The default pause between probes. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private final RemoteShell shell;
  private final Sleeper sleeper;
  private final int attempts;
  private final Duration interval;
  private final Duration probeTimeout;

  /**
   * A verifier.
   *
   * @param shell the box's shell
   * @param sleeper how to wait between probes
   * @param attempts the maximum number of probes, at least 1
   * @param interval the pause between probes
   * @param probeTimeout the timeout of each probe
   */
  public LaunchVerifier(
      RemoteShell shell, Sleeper sleeper, int attempts, Duration interval, Duration probeTimeout) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    this.shell = Objects.requireNonNull(shell, "shell");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.attempts = attempts;
    this.interval = Objects.requireNonNull(interval, "interval");
    this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
  }

  /**
   * Probes until the verdict is final or the attempts are used up.
   *
   * @param probe the probe command
   * @return the last verdict, with the number of probes made
   */
  public LaunchVerification verify(LaunchProbeCommand probe) {
    String command = probe.render();
    LaunchVerification last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        try {
          sleeper.sleep(interval);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CloudException(ErrorCode.PROVIDER_FAILED, "launch verification interrupted");
        }
      }
      ExecResult result = shell.exec(command, probeTimeout);
      try {
        last =
            LaunchVerification.evaluate(
                LaunchProbeCommand.parse(result), probe.chainLogPath(), attempt);
      } catch (CloudException e) {
        last = LaunchVerification.unparseable(probe.chainLogPath(), attempt, e.getMessage());
        continue;
      }
      if (last.status() == LaunchVerification.Status.OK || !last.sessionAlive()) {
        return last;
      }
    }
    return last;
  }
}
