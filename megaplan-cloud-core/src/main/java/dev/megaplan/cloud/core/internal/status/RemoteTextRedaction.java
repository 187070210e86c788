package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.Milestone;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.CommandOutput;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.LogStat;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.PlanProbes;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult.RunnerProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies the session's redactor to everything that quotes remote output before it is interpreted
 * or shown (06): probe answers (so parse errors, reasons and payload values are redacted by
 * construction), command results, and failures whose message or context quotes the box.
 */
public final class RemoteTextRedaction {
  private final Redactor redactor;

  /**
   * Redaction with a session's redactor.
   *
   * @param redactor the redactor
   */
  public RemoteTextRedaction(Redactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  /**
   * Redacts one text.
   *
   * @param text the text
   * @return the redacted text
   */
  public String text(String text) {
    return redactor.redact(text);
  }

  /**
   * A command result with stdout and stderr redacted.
   *
   * @param result the result
   * @return the redacted copy
   */
  public ExecResult result(ExecResult result) {
    return ExecResult.of(result.exitCode(), text(result.stdout()), text(result.stderr()));
  }

  /**
   * A parsed chain spec with the values a status payload shows redacted: milestone labels and
   * branches, the seed plan and the base branch.
   *
   * @param spec the spec, parsed from the unredacted text
   * @return the redacted copy
   */
  public ChainSpec spec(ChainSpec spec) {
    List<Milestone> milestones = new ArrayList<>();
    for (Milestone m : spec.milestones()) {
      milestones.add(
          Milestone.builder()
              .from(m)
              .label(text(m.label()))
              .branch(m.branch().map(this::text))
              .build());
    }
    return ChainSpec.builder()
        .from(spec)
        .milestones(milestones)
        .seedPlan(spec.seedPlan().map(this::text))
        .baseBranch(spec.baseBranch().map(this::text))
        .build();
  }

  /**
   * A probe answer with every text redacted: file contents, command outputs, reasons. (The spec's
   * text too; read the spec from the raw answer and redact it with {@link #spec(ChainSpec)}.)
   *
   * @param raw the decoded probe answer
   * @return the redacted copy
   */
  public StatusProbeResult probe(StatusProbeResult raw) {
    return new StatusProbeResult(
        raw.stateSource(),
        raw.state().map(this::text),
        raw.spec().map(this::text),
        raw.runtimePolicy().map(this::text),
        raw.unreadable(),
        new RunnerProbe(raw.runner().status(), text(raw.runner().detail())),
        new LogStat(
            raw.chainLog().mtimeEpochSeconds(),
            raw.chainLog().size(),
            raw.chainLog().unavailableReason().map(this::text)),
        plan(raw.planProbes()),
        raw.prState().map(this::text));
  }

  private PlanProbes plan(PlanProbes probes) {
    return new PlanProbes(
        probes.plan().map(this::text),
        probes.status().map(this::output),
        probes.verifyHuman().map(this::output));
  }

  private CommandOutput output(CommandOutput output) {
    return new CommandOutput(output.exitCode(), text(output.stdout()), text(output.stderr()));
  }

  /**
   * A failure with its message and its context's texts redacted. The cause is dropped (its message
   * may quote the box; {@code --debug} prints causes).
   *
   * @param failure the failure
   * @return the redacted failure, same code
   */
  public CloudException failure(CloudException failure) {
    return redactor.redact(failure);
  }

  /**
   * A JSON-like value with every string, keys included, redacted.
   *
   * @param value the value
   * @return the redacted copy
   */
  public Object value(Object value) {
    return redactor.redactValue(value);
  }
}
