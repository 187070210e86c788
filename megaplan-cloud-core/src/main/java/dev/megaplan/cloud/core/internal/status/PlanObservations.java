package dev.megaplan.cloud.core.internal.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.CommandOutput;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.PlanProbes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The two plan observations of 04, from the (already redacted) plan probes: {@code plan_status} and
 * {@code human_verification}.
 *
 * <ul>
 *   <li>{@code plan_status}: megaplan's JSON object, unchanged; {@code {status: missing, reason:
 *       "no current plan"}} without a plan; {@code {status: unavailable, reason}} when the call
 *       failed, timed out, printed nothing, or printed something other than one JSON object.
 *   <li>{@code human_verification}: {@code {status: available, pending, verified,
 *       all_deferred_must_verified, rows, semantics}} only for a JSON object whose {@code
 *       semantics} is {@code latest_verdict}; anything else {@code {status: unavailable, reason}}.
 * </ul>
 */
public final class PlanObservations {
  /** The only verification semantics 04 accepts. */
  public static final String LATEST_VERDICT = "latest_verdict";

  /** The reason given when the state names no current plan. */
  public static final String NO_CURRENT_PLAN = "no current plan";

  private static final ObjectReader READER =
      Json.mapper()
          .readerFor(Object.class)
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private PlanObservations() {}

  /**
   * {@code plan_status}.
   *
   * @param probes the plan probes (NONE without a current plan)
   * @return the observation
   */
  public static Map<String, Object> planStatus(PlanProbes probes) {
    if (probes.plan().isEmpty() || probes.status().isEmpty()) {
      return reasoned("missing", NO_CURRENT_PLAN);
    }
    Object parsed;
    try {
      parsed = jsonOutput("megaplan status", probes.status().get());
    } catch (Unavailable e) {
      return reasoned("unavailable", e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> object)) {
      return reasoned("unavailable", "megaplan status did not print a JSON object");
    }
    return copy(object);
  }

  /**
   * {@code human_verification}.
   *
   * @param probes the plan probes (NONE without a current plan)
   * @return the observation
   */
  public static Map<String, Object> humanVerification(PlanProbes probes) {
    if (probes.plan().isEmpty() || probes.verifyHuman().isEmpty()) {
      return reasoned("unavailable", NO_CURRENT_PLAN);
    }
    Object parsed;
    try {
      parsed = jsonOutput("verify-human", probes.verifyHuman().get());
    } catch (Unavailable e) {
      return reasoned("unavailable", e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> object)) {
      return reasoned("unavailable", "verify-human did not print a JSON object");
    }
    Object semantics = object.get("semantics");
    if (!LATEST_VERDICT.equals(semantics)) {
      return reasoned(
          "unavailable",
          "verify-human semantics "
              + (semantics == null ? "missing" : "'" + semantics + "'")
              + "; only "
              + LATEST_VERDICT
              + " is accepted");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", "available");
    out.put("pending", object.get("pending"));
    out.put("verified", object.get("verified"));
    out.put(
        "all_deferred_must_verified",
        Boolean.TRUE.equals(object.get("all_deferred_must_verified")));
    out.put("rows", object.containsKey("rows") ? object.get("rows") : java.util.List.of());
    out.put("semantics", LATEST_VERDICT);
    return out;
  }

  /**
   * Whether a {@code human_verification} observation settles the gate (rule 3 of 04).
   *
   * @param verification the observation
   * @return true when available with {@code all_deferred_must_verified} true
   */
  public static boolean settled(Map<String, Object> verification) {
    return "available".equals(verification.get("status"))
        && Boolean.TRUE.equals(verification.get("all_deferred_must_verified"));
  }

  /**
   * {@code plan_status.status} as the rules read it. The SDK's own {@code missing}/{@code
   * unavailable} answers are not plan states the rules act on, so reading them through is harmless.
   *
   * @param planStatus the observation
   * @return the status text, when it is a string
   */
  public static Optional<String> statusOf(Map<String, Object> planStatus) {
    Object status = planStatus.get("status");
    return status instanceof String s ? Optional.of(s) : Optional.empty();
  }

  private static Object jsonOutput(String what, CommandOutput output) throws Unavailable {
    if (output.timedOut()) {
      throw new Unavailable(what + " timed out");
    }
    if (output.exitCode() != 0) {
      String detail = output.stderr().strip();
      if (detail.isEmpty()) {
        detail = output.stdout().strip();
      }
      throw new Unavailable(
          what
              + " failed (exit "
              + output.exitCode()
              + ")"
              + (detail.isEmpty() ? "" : ": ")
              + tail(detail));
    }
    String text = output.stdout().strip();
    if (text.isEmpty()) {
      throw new Unavailable(what + " printed nothing");
    }
    try {
      return READER.readValue(text);
    } catch (JsonProcessingException e) {
      throw new Unavailable(what + " printed invalid JSON: " + e.getOriginalMessage());
    }
  }

  private static Map<String, Object> copy(Map<?, ?> object) {
    Map<String, Object> out = new LinkedHashMap<>();
    object.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static Map<String, Object> reasoned(String status, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status);
    out.put("reason", reason);
    return out;
  }

  private static String tail(String text) {
    return text.length() <= 500 ? text : "…" + text.substring(text.length() - 500);
  }

  /** A call whose answer cannot be used; the message is the reason. */
  private static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String reason) {
      super(reason, null, false, false);
    }
  }
}
