package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.assign;
import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import dev.megaplan.cloud.api.provider.ExecResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The chain status probe (04) as ONE remote command that reads and never writes: the chain state
 * (hashed path, else legacy), the remote spec, the runtime-policy overrides, {@code tmux
 * has-session}, the chain log's stat, and — for the current plan — {@code LAUNCHER status --plan P}
 * and {@code MEGAPLAN_TRUSTED_CONTAINER=1 LAUNCHER verify-human --list --plan P --json}, plus
 * optionally the PR probe {@code gh pr view N --json state --jq .state}. Everything is printed as
 * {@link ProbeFrames} records, file contents and outputs as they are; {@link #parse(ExecResult)}
 * reads them into a {@link StatusProbeResult}.
 *
 * <p>The script forks little, since on a busy box each process costs milliseconds: one {@code cat}
 * per file, two processes per captured command (the substitution and the command), one {@code sed}
 * for the plan name; the two launcher calls run side by side.
 *
 * <p>The current plan is only known from the state, so the script extracts {@code
 * "current_plan_name": "…"} with {@code sed} (good for JSON written by Python's {@code json.dump}
 * and by the emulator: a plain name on one line). The caller must check the extracted name against
 * the parsed state with {@link StatusProbeResult#needsPlanReprobe(Optional)}; when they differ (an
 * escaped name, a null plan, a nested key), {@link #renderPlanProbes(Optional)} re-runs just the
 * plan probes with the right name, and {@link StatusProbeResult#withPlanProbes} merges the answer.
 *
 * <p>Each launcher and {@code gh} call runs under coreutils {@code timeout} when the box has it
 * (exit 124 on expiry); the launcher fragment runs in {@code sh -c} so a launcher with environment
 * assignments or quoted paths still works under {@code timeout}.
 *
 * @param tmux the provider's tmux client prefix, inserted as written
 * @param launcher {@code megaplan.command}, inserted as written
 * @param remoteSpec the remote chain spec path
 * @param statePath the hashed chain state path (02)
 * @param legacyStatePath the legacy state path ({@code dirname(S)/chain_state.json})
 * @param runtimePolicyPath the runtime-policy overrides path
 * @param workspace the chain workspace
 * @param session the runner session
 * @param chainLogPath the chain log path
 * @param prNumber the PR to probe with {@code gh}, or empty for no PR probe
 * @param callTimeout the limit of each launcher or {@code gh} call
 */
public record StatusProbeCommand(
    String tmux,
    String launcher,
    String remoteSpec,
    String statePath,
    String legacyStatePath,
    String runtimePolicyPath,
    String workspace,
    String session,
    String chainLogPath,
    OptionalLong prNumber,
    Duration callTimeout) {

  /** A line of the state naming the current plan, as {@code json.dump} writes it (sed BRE). */
  private static final String PLAN_PATTERN =
      "\"current_plan_name\"[[:space:]]*:[[:space:]]*\"[^\"\\\\]*\"";

  /** The same, capturing the name. */
  private static final String PLAN_PATTERN_CAPTURING =
      "\"current_plan_name\"[[:space:]]*:[[:space:]]*\"\\([^\"\\\\]*\\)\"";

  /** The default limit of each launcher call (the chain spec's default {@code status_timeout}). */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  /** Checks the components. */
  public StatusProbeCommand {
    Objects.requireNonNull(tmux, "tmux");
    Objects.requireNonNull(launcher, "launcher");
    Objects.requireNonNull(remoteSpec, "remoteSpec");
    Objects.requireNonNull(statePath, "statePath");
    Objects.requireNonNull(legacyStatePath, "legacyStatePath");
    Objects.requireNonNull(runtimePolicyPath, "runtimePolicyPath");
    RemotePaths.checkPath("workspace", workspace);
    RemotePaths.checkSession(session);
    Objects.requireNonNull(chainLogPath, "chainLogPath");
    Objects.requireNonNull(prNumber, "prNumber");
    if (callTimeout.isNegative() || callTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("callTimeout must be at least one second: " + callTimeout);
    }
  }

  /**
   * A timeout for the whole exec: three limited calls plus slack.
   *
   * @return the duration to pass to {@code RemoteShell.exec}
   */
  public Duration execTimeout() {
    return callTimeout.multipliedBy(3).plusSeconds(30);
  }

  /**
   * The full probe.
   *
   * @return the shell text
   */
  public String render() {
    return String.join("\n", renderLines(List.of()));
  }

  /**
   * A command on the box, then the full probe, in ONE exec: the supervisor's sync refresh followed
   * by its re-observation. The step runs first and to its end (its stdin closed); whatever it
   * answers, the probe runs after it and sees what it changed. {@link #parseStep(ExecResult)} reads
   * the step's answer, {@link #parse(ExecResult)} the probe's.
   *
   * @param step the step's shell text, for example {@code SyncRefreshCommand.render()}
   * @return the shell text
   */
  public String renderAfter(String step) {
    return String.join(
        "\n",
        renderLines(
            List.of(
                "rec probe step",
                // a subshell body: an `exit` in the step ends the step, not the capture
                "first_step() (",
                step,
                ")",
                "capture step first_step </dev/null",
                "rec end")));
  }

  /**
   * Reads the answer of the step of {@link #renderAfter(String)}.
   *
   * @param result what the command returned
   * @return the step's exit status and outputs
   * @throws dev.megaplan.cloud.api.CloudException {@code provider_failed} when the step's answer is
   *     missing or cut short
   */
  public static ExecResult parseStep(ExecResult result) {
    StatusProbeResult.CommandOutput step =
        ProbeFrames.section(result, "step before the chain status probe", "step").output("step");
    return ExecResult.of(step.exitCode(), step.stdout(), step.stderr());
  }

  private List<String> renderLines(List<String> before) {
    List<String> lines = new ArrayList<>(preamble());
    lines.addAll(before);
    lines.addAll(
        List.of(
            assign("spec", remoteSpec),
            assign("state", statePath),
            assign("legacy", legacyStatePath),
            assign("policy", runtimePolicyPath),
            assign("session", session),
            assign("log", chainLogPath),
            "tmux_has() { " + tmux + " has-session -t \"=$session\"; }",
            "if [ -e \"$state\" ]; then state_file=$state; source=hashed",
            "elif [ -e \"$legacy\" ]; then state_file=$legacy; source=legacy",
            "else state_file=; source=absent; fi",
            "rec probe status",
            "rec source \"$source\"",
            "if [ -n \"$state_file\" ]; then file_rec state \"$state_file\";"
                + " else rec file state absent; fi",
            "file_rec spec \"$spec\"",
            "file_rec runtime_policy \"$policy\"",
            "capture runner tmux_has",
            "if [ -e \"$log\" ]; then capture chain_log stat -c '%Y %s' \"$log\";"
                + " else rec missing chain_log; fi",
            "plan=",
            "if [ -n \"$state_file\" ] && [ -r \"$state_file\" ]; then",
            "  plan=$(sed -n '/"
                + PLAN_PATTERN
                + "/{s/.*"
                + PLAN_PATTERN_CAPTURING
                + ".*/\\1/p;q;}'"
                + " \"$state_file\")",
            "fi"));
    lines.addAll(planProbes());
    if (prNumber.isPresent()) {
      lines.add(
          "pr=$(cd \"$ws\" && limited gh pr view "
              + prNumber.getAsLong()
              + " --json state --jq .state 2>/dev/null </dev/null || echo unknown)");
      lines.add("rec pr");
      lines.add("printf '%s' \"$pr\"");
    }
    lines.add("rec end");
    return lines;
  }

  /**
   * Only the plan probes, for the name the parsed state really holds (see {@link
   * StatusProbeResult#needsPlanReprobe(Optional)}).
   *
   * @param plan the current plan, or empty for none
   * @return the shell text
   */
  public String renderPlanProbes(Optional<String> plan) {
    List<String> lines = new ArrayList<>(preamble());
    lines.add(assign("plan", plan.orElse("")));
    lines.add("rec probe plan");
    lines.addAll(planProbes());
    lines.add("rec end");
    return String.join("\n", lines);
  }

  private List<String> preamble() {
    String limit = Long.toString(Math.max(1, callTimeout.toSeconds()));
    return List.of(
        assign("ws", workspace),
        ProbeFrames.FUNCTIONS,
        "if command -v timeout >/dev/null 2>&1; then limited() { timeout "
            + limit
            + " \"$@\"; };"
            + " else limited() { \"$@\"; }; fi",
        "mp() { cd \"$ws\" && limited sh -c " + quote(launcher + " \"$@\"") + " megaplan \"$@\"; }",
        "mp_trusted() { cd \"$ws\" && limited sh -c "
            + quote("MEGAPLAN_TRUSTED_CONTAINER=1 " + launcher + " \"$@\"")
            + " megaplan \"$@\"; }");
  }

  /**
   * One place for the plan part of both scripts ({@code plan} is set before it runs): the two
   * launcher calls run side by side, verification's records buffered in a pipe until the status
   * call's are written; neither reads stdin.
   */
  private static List<String> planProbes() {
    return List.of(
        "if [ -n \"$plan\" ]; then",
        "  rec plan",
        "  printf '%s' \"$plan\"",
        "  capture verify_human mp_trusted verify-human --list --plan \"$plan\" --json </dev/null | {",
        "    capture plan_status mp status --plan \"$plan\" </dev/null",
        "    cat",
        "  }",
        "else rec noplan; fi");
  }

  /**
   * Reads the full probe's answer.
   *
   * @param result what the command returned
   * @return the raw observations
   * @throws dev.megaplan.cloud.api.CloudException {@code provider_failed} when unreadable
   */
  public static StatusProbeResult parse(ExecResult result) {
    ProbeFrames frames = ProbeFrames.section(result, "chain status probe", "status");
    List<String> unreadable = new ArrayList<>();
    StatusProbeResult.StateSource source =
        switch (frames.find("source").map(f -> f.header().get(f.header().size() - 1)).orElse("")) {
          case "hashed" -> StatusProbeResult.StateSource.HASHED;
          case "legacy" -> StatusProbeResult.StateSource.LEGACY;
          default -> StatusProbeResult.StateSource.ABSENT;
        };
    Optional<String> state = frames.file("state", unreadable);
    Optional<String> spec = frames.file("spec", unreadable);
    Optional<String> policy = frames.file("runtime_policy", unreadable);
    StatusProbeResult.LogStat logStat =
        frames.has("missing", "chain_log")
            ? StatusProbeResult.LogStat.unavailable("no such file")
            : StatusProbeResult.LogStat.fromStat(frames.output("chain_log"));
    return new StatusProbeResult(
        source,
        state,
        spec,
        policy,
        unreadable,
        StatusProbeResult.RunnerProbe.fromHasSession(frames.output("runner")),
        logStat,
        planProbes(frames),
        frames.find("pr").map(ProbeFrames.Frame::payload));
  }

  /**
   * Reads the answer of {@link #renderPlanProbes(Optional)}.
   *
   * @param result what the command returned
   * @return the plan probes
   */
  public static StatusProbeResult.PlanProbes parsePlanProbes(ExecResult result) {
    return planProbes(ProbeFrames.section(result, "plan probe", "plan"));
  }

  private static StatusProbeResult.PlanProbes planProbes(ProbeFrames frames) {
    Optional<ProbeFrames.Frame> plan = frames.find("plan");
    if (plan.isEmpty()) {
      return StatusProbeResult.PlanProbes.NONE;
    }
    return new StatusProbeResult.PlanProbes(
        Optional.of(plan.get().payload()),
        Optional.of(frames.output("plan_status")),
        Optional.of(frames.output("verify_human")));
  }
}
