package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.status.RunnerState;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.RunnerProbe;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payload's {@code runner}: {@code {status: alive|dead, session, detail}} from {@code tmux
 * has-session}, {@code {status: unknown, session, reason}} when the probe itself failed, {@code
 * {status: unavailable, session, reason}} when the provider has no remote shell. The {@code detail}
 * is a stable phrase, the Python tool's ({@code tmux session present} / {@code tmux session
 * absent}), never tmux's own words, so scripts can match it.
 */
public final class RunnerObservation {
  /** The {@code detail} of a live runner. */
  public static final String PRESENT = "tmux session present";

  /** The {@code detail} of a dead runner. */
  public static final String ABSENT = "tmux session absent";

  private RunnerObservation() {}

  /**
   * The runner's state as the rules read it.
   *
   * @param probe the tmux probe
   * @return alive, dead or unknown
   */
  public static RunnerState state(RunnerProbe probe) {
    return switch (probe.status()) {
      case ALIVE -> RunnerState.ALIVE;
      case DEAD -> RunnerState.DEAD;
      case UNKNOWN -> RunnerState.UNKNOWN;
    };
  }

  /**
   * The observation of a probed runner.
   *
   * @param probe the tmux probe (redacted)
   * @param session the session probed
   * @return the observation
   */
  public static Map<String, Object> of(RunnerProbe probe, String session) {
    RunnerState state = state(probe);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", state.wireName());
    out.put("session", session);
    switch (state) {
      case ALIVE -> out.put("detail", PRESENT);
      case DEAD -> out.put("detail", ABSENT);
      default -> out.put("reason", probe.detail());
    }
    return out;
  }

  /**
   * The observation when nothing could be probed.
   *
   * @param session the session that would have been probed
   * @param reason why not
   * @return {@code {status: unavailable, session, reason}}
   */
  public static Map<String, Object> unavailable(String session, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", RunnerState.UNAVAILABLE.wireName());
    out.put("session", session);
    out.put("reason", reason);
    return out;
  }
}
