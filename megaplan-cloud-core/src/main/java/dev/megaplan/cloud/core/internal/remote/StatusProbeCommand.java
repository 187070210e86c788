package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.assign;
import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import com.fasterxml.jackson.databind.JsonNode;
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
 * one JSON line with every value base64-encoded; {@link #parse(ExecResult)} decodes it into a
 * {@link StatusProbeResult}.
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
    List<String> lines = new ArrayList<>(preamble());
    lines.addAll(
        List.of(
            assign("spec", remoteSpec),
            assign("state", statePath),
            assign("legacy", legacyStatePath),
            assign("policy", runtimePolicyPath),
            assign("session", session),
            assign("log", chainLogPath),
            "file_json() {",
            "  if [ ! -e \"$1\" ]; then printf '{\"present\": false}'",
            "  elif [ -f \"$1\" ] && [ -r \"$1\" ]; then printf '{\"present\": true, \"b64\": \"%s\"}'"
                + " \"$(b64 < \"$1\")\"",
            "  else printf '{\"present\": true, \"unreadable\": true}'; fi",
            "}",
            "tmux_has() { " + tmux + " has-session -t \"=$session\"; }",
            "if [ -e \"$state\" ]; then state_file=$state; source=hashed",
            "elif [ -e \"$legacy\" ]; then state_file=$legacy; source=legacy",
            "else state_file=; source=absent; fi",
            "printf '{\"probe\": \"status\", \"state_source\": \"%s\", \"state\": ' \"$source\"",
            "if [ -n \"$state_file\" ]; then file_json \"$state_file\"; else printf '{\"present\": false}'; fi",
            "printf ', \"spec\": '; file_json \"$spec\"",
            "printf ', \"runtime_policy\": '; file_json \"$policy\"",
            "printf ', \"runner\": {'; capture tmux_has; printf '}'",
            "printf ', \"chain_log\": {'",
            "if [ -e \"$log\" ]; then capture stat -c '%Y %s' \"$log\"; else printf '\"missing\": true'; fi",
            "printf '}'",
            "plan=",
            "if [ -n \"$state_file\" ] && [ -r \"$state_file\" ]; then",
            "  plan=$(sed -n 's/.*\"current_plan_name\"[[:space:]]*:[[:space:]]*\"\\([^\"\\\\]*\\)\".*/\\1/p'"
                + " \"$state_file\" | head -n 1)",
            "fi"));
    lines.addAll(planProbes());
    if (prNumber.isPresent()) {
      lines.add(
          "pr=$(cd \"$ws\" && limited gh pr view "
              + prNumber.getAsLong()
              + " --json state --jq .state 2>/dev/null || echo unknown)");
      lines.add("printf ', \"pr_state\": \"%s\"' \"$(b64s \"$pr\")\"");
    }
    lines.add("printf '}\\n'");
    return String.join("\n", lines);
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
    lines.add("printf '{\"probe\": \"plan\"'");
    lines.addAll(planProbes());
    lines.add("printf '}\\n'");
    return String.join("\n", lines);
  }

  private List<String> preamble() {
    String limit = Long.toString(Math.max(1, callTimeout.toSeconds()));
    return List.of(
        assign("ws", workspace),
        ShellSnippets.BASE64_FUNCTIONS + ShellSnippets.CAPTURE_FUNCTION,
        "if command -v timeout >/dev/null 2>&1; then limited() { timeout "
            + limit
            + " \"$@\"; };"
            + " else limited() { \"$@\"; }; fi",
        "mp() { cd \"$ws\" && limited sh -c " + quote(launcher + " \"$@\"") + " megaplan \"$@\"; }",
        "mp_trusted() { cd \"$ws\" && limited sh -c "
            + quote("MEGAPLAN_TRUSTED_CONTAINER=1 " + launcher + " \"$@\"")
            + " megaplan \"$@\"; }");
  }

  /** One place for the plan part of both scripts: {@code plan} is set before it runs. */
  private static List<String> planProbes() {
    return List.of(
        "if [ -n \"$plan\" ]; then",
        "  printf ', \"plan\": \"%s\", \"plan_status\": {' \"$(b64s \"$plan\")\"",
        "  capture mp status --plan \"$plan\"",
        "  printf '}, \"verify_human\": {'",
        "  capture mp_trusted verify-human --list --plan \"$plan\" --json",
        "  printf '}'",
        "else printf ', \"plan\": null'; fi");
  }

  /**
   * Reads the full probe's answer.
   *
   * @param result what the command returned
   * @return the raw observations
   * @throws dev.megaplan.cloud.api.CloudException {@code provider_failed} when unreadable
   */
  public static StatusProbeResult parse(ExecResult result) {
    JsonNode doc = ProbeJson.document(result, "chain status probe");
    if (!doc.path("probe").asText().equals("status")) {
      throw ProbeJson.unparseable("chain status probe", result, "not a status probe document");
    }
    List<String> unreadable = new ArrayList<>();
    StatusProbeResult.StateSource source =
        switch (doc.path("state_source").asText()) {
          case "hashed" -> StatusProbeResult.StateSource.HASHED;
          case "legacy" -> StatusProbeResult.StateSource.LEGACY;
          default -> StatusProbeResult.StateSource.ABSENT;
        };
    Optional<String> state = file(doc, "state", unreadable);
    Optional<String> spec = file(doc, "spec", unreadable);
    Optional<String> policy = file(doc, "runtime_policy", unreadable);
    StatusProbeResult.CommandOutput tmux = output(doc.path("runner"));
    JsonNode log = doc.path("chain_log");
    StatusProbeResult.LogStat logStat;
    if (log.path("missing").asBoolean(false)) {
      logStat = StatusProbeResult.LogStat.unavailable("no such file");
    } else {
      logStat = StatusProbeResult.LogStat.fromStat(output(log));
    }
    return new StatusProbeResult(
        source,
        state,
        spec,
        policy,
        unreadable,
        StatusProbeResult.RunnerProbe.fromHasSession(tmux),
        logStat,
        planProbes(doc),
        ProbeJson.text(doc, "pr_state"));
  }

  /**
   * Reads the answer of {@link #renderPlanProbes(Optional)}.
   *
   * @param result what the command returned
   * @return the plan probes
   */
  public static StatusProbeResult.PlanProbes parsePlanProbes(ExecResult result) {
    JsonNode doc = ProbeJson.document(result, "plan probe");
    if (!doc.path("probe").asText().equals("plan")) {
      throw ProbeJson.unparseable("plan probe", result, "not a plan probe document");
    }
    return planProbes(doc);
  }

  private static StatusProbeResult.PlanProbes planProbes(JsonNode doc) {
    Optional<String> plan = ProbeJson.text(doc, "plan");
    if (plan.isEmpty()) {
      return StatusProbeResult.PlanProbes.NONE;
    }
    return new StatusProbeResult.PlanProbes(
        plan,
        Optional.of(output(doc.path("plan_status"))),
        Optional.of(output(doc.path("verify_human"))));
  }

  private static Optional<String> file(JsonNode doc, String field, List<String> unreadable) {
    JsonNode node = doc.path(field);
    if (node.path("unreadable").asBoolean(false)) {
      unreadable.add(field);
      return Optional.empty();
    }
    return node.path("present").asBoolean(false) ? ProbeJson.text(node, "b64") : Optional.empty();
  }

  private static StatusProbeResult.CommandOutput output(JsonNode node) {
    return new StatusProbeResult.CommandOutput(
        node.path("exit").asInt(-1),
        ProbeJson.text(node, "stdout").orElse(""),
        ProbeJson.text(node, "stderr").orElse(""));
  }
}
