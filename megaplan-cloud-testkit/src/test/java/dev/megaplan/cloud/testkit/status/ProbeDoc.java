package dev.megaplan.cloud.testkit.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Builds the one-line answers of the status probe scripts by hand, as the box would print them
 * (every value base64), so a {@code FakeProvider} can play the box.
 */
final class ProbeDoc {
  private String stateSource = "hashed";
  private String state;
  private String spec;
  private String runtimePolicy;
  private String runner = output(0, "", "");
  private String chainLog = "\"missing\": true";
  private String plan;
  private String planStatus;
  private String verify;

  ProbeDoc state(String text) {
    this.state = text;
    return this;
  }

  ProbeDoc legacy() {
    this.stateSource = "legacy";
    return this;
  }

  ProbeDoc spec(String text) {
    this.spec = text;
    return this;
  }

  ProbeDoc runtimePolicy(String text) {
    this.runtimePolicy = text;
    return this;
  }

  ProbeDoc runnerAnswer(int exit, String stderr) {
    this.runner = output(exit, "", stderr);
    return this;
  }

  ProbeDoc chainLogStat(long mtime, long size) {
    this.chainLog = output(0, mtime + " " + size + "\n", "");
    return this;
  }

  /** The plan the script extracted, and what its two calls answered. */
  ProbeDoc plan(String name, int statusExit, String statusOut, int verifyExit, String verifyOut) {
    this.plan = name;
    this.planStatus = output(statusExit, statusOut, "");
    this.verify = output(verifyExit, verifyOut, "");
    return this;
  }

  ProbeDoc planWithStderr(String name, String statusErr, String verifyErr) {
    this.plan = name;
    this.planStatus = output(1, "", statusErr);
    this.verify = output(1, "", verifyErr);
    return this;
  }

  String render() {
    StringBuilder out =
        new StringBuilder("{\"probe\": \"status\", \"state_source\": \"")
            .append(state == null ? "absent" : stateSource)
            .append("\", \"state\": ")
            .append(file(state))
            .append(", \"spec\": ")
            .append(file(spec))
            .append(", \"runtime_policy\": ")
            .append(file(runtimePolicy))
            .append(", \"runner\": {")
            .append(runner)
            .append("}, \"chain_log\": {")
            .append(chainLog)
            .append('}');
    appendPlan(out);
    return out.append("}\n").toString();
  }

  String renderPlanOnly() {
    StringBuilder out = new StringBuilder("{\"probe\": \"plan\"");
    appendPlan(out);
    return out.append("}\n").toString();
  }

  private void appendPlan(StringBuilder out) {
    if (plan == null) {
      out.append(", \"plan\": null");
    } else {
      out.append(", \"plan\": \"")
          .append(b64(plan))
          .append("\", \"plan_status\": {")
          .append(planStatus)
          .append("}, \"verify_human\": {")
          .append(verify)
          .append('}');
    }
  }

  private static String file(String text) {
    return text == null
        ? "{\"present\": false}"
        : "{\"present\": true, \"b64\": \"" + b64(text) + "\"}";
  }

  static String output(int exit, String stdout, String stderr) {
    return "\"exit\": "
        + exit
        + ", \"stdout\": \""
        + b64(stdout)
        + "\", \"stderr\": \""
        + b64(stderr)
        + "\"";
  }

  static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
