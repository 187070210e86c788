package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.LogStat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payload's {@code logs}: {@code {workspace, plan_log, agent_log, chain_log}}. {@code plan_log}
 * is {@code <ws>/.megaplan/logs/latest.log} while a current plan exists, else null; {@code
 * agent_log} is {@code <ws>/agent.log}; {@code chain_log} is {@code {path, mtime, size}} (mtime in
 * seconds since the epoch) or {@code {path, status: unavailable, reason}}.
 */
public final class LogsObservation {
  private LogsObservation() {}

  /**
   * The observation.
   *
   * @param workspace the chain workspace
   * @param hasCurrentPlan whether the state names a current plan
   * @param chainLogPath the chain log path
   * @param stat the chain log's stat (redacted)
   * @return the observation
   */
  public static Map<String, Object> of(
      String workspace, boolean hasCurrentPlan, String chainLogPath, LogStat stat) {
    Map<String, Object> chainLog = new LinkedHashMap<>();
    chainLog.put("path", chainLogPath);
    if (stat.unavailableReason().isEmpty()
        && stat.mtimeEpochSeconds().isPresent()
        && stat.size().isPresent()) {
      chainLog.put("mtime", stat.mtimeEpochSeconds().getAsLong());
      chainLog.put("size", stat.size().getAsLong());
    } else {
      chainLog.put("status", "unavailable");
      chainLog.put("reason", stat.unavailableReason().orElse("no stat"));
    }
    return of(workspace, hasCurrentPlan, chainLog);
  }

  /**
   * The observation when the chain log could not be probed.
   *
   * @param workspace the chain workspace
   * @param hasCurrentPlan whether the state names a current plan
   * @param chainLogPath the chain log path
   * @param reason why not
   * @return the observation
   */
  public static Map<String, Object> unavailable(
      String workspace, boolean hasCurrentPlan, String chainLogPath, String reason) {
    return of(
        workspace,
        hasCurrentPlan,
        chainLogPath,
        new LogStat(
            java.util.OptionalLong.empty(),
            java.util.OptionalLong.empty(),
            java.util.Optional.of(reason)));
  }

  private static Map<String, Object> of(
      String workspace, boolean hasCurrentPlan, Map<String, Object> chainLog) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("workspace", workspace);
    out.put("plan_log", hasCurrentPlan ? workspace + "/.megaplan/logs/latest.log" : null);
    out.put("agent_log", workspace + "/agent.log");
    out.put("chain_log", chainLog);
    return out;
  }
}
