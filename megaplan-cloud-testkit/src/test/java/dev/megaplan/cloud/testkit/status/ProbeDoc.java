package dev.megaplan.cloud.testkit.status;

/**
 * Builds the framed answers of the status probe scripts by hand, as the box would print them
 * (records with file contents and outputs as they are), so a {@code FakeProvider} can play the box.
 */
final class ProbeDoc {
  private String stateSource = "hashed";
  private String state;
  private String spec;
  private String runtimePolicy;
  private Output runner = output(0, "", "");
  private Output chainLog;
  private String plan;
  private Output planStatus;
  private Output verify;

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
    StringBuilder out = new StringBuilder();
    rec(out, "probe status");
    rec(out, "source " + (state == null ? "absent" : stateSource));
    file(out, "state", state);
    file(out, "spec", spec);
    file(out, "runtime_policy", runtimePolicy);
    capture(out, "runner", runner);
    if (chainLog == null) {
      rec(out, "missing chain_log");
    } else {
      capture(out, "chain_log", chainLog);
    }
    appendPlan(out);
    rec(out, "end");
    return out.toString();
  }

  /**
   * The answer of a step (the supervisor's sync refresh) and then of the full probe, as one exec
   * prints them.
   */
  String renderAfterStep(int exit, String stdout, String stderr) {
    StringBuilder out = new StringBuilder();
    rec(out, "probe step");
    capture(out, "step", output(exit, stdout, stderr));
    rec(out, "end");
    return out + render();
  }

  String renderPlanOnly() {
    StringBuilder out = new StringBuilder();
    rec(out, "probe plan");
    appendPlan(out);
    rec(out, "end");
    return out.toString();
  }

  private void appendPlan(StringBuilder out) {
    if (plan == null) {
      rec(out, "noplan");
    } else {
      rec(out, "plan");
      out.append(plan);
      capture(out, "verify_human", verify);
      capture(out, "plan_status", planStatus);
    }
  }

  private static void rec(StringBuilder out, String header) {
    out.append("\n@@megaplan-probe@@ ").append(header).append('\n');
  }

  private static void file(StringBuilder out, String name, String text) {
    if (text == null) {
      rec(out, "file " + name + " absent");
    } else {
      rec(out, "file " + name + " present");
      out.append(text);
    }
  }

  private static void capture(StringBuilder out, String name, Output output) {
    rec(out, "out " + name);
    out.append(output.stdout);
    rec(out, "err " + name + " " + output.exit);
    out.append(output.stderr);
  }

  static Output output(int exit, String stdout, String stderr) {
    return new Output(exit, stdout, stderr);
  }

  /** What a captured command answered. */
  record Output(int exit, String stdout, String stderr) {}
}
