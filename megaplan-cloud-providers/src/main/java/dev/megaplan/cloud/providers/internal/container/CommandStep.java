package dev.megaplan.cloud.providers.internal.container;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.deploy.DeployTails;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs one command of a build or deploy (for example {@code docker compose … up -d}) through a
 * {@link CommandTransport} and reports it as a {@link DeployStep}: {@code ok} or {@code failed}
 * with the exit status, and the redacted tails of its output. A transport failure (timeout, a
 * program that cannot start) is a failed step too, with the failure's message, so the report says
 * what succeeded before it.
 */
public final class CommandStep {
  private final CommandTransport transport;
  private final UnaryOperator<String> redact;
  private final Consumer<String> progress;

  /**
   * Creates the runner of steps.
   *
   * @param transport what runs the commands
   * @param redact the redaction applied to tails, details and progress lines
   * @param progress where a line per finished step goes
   */
  public CommandStep(
      CommandTransport transport, UnaryOperator<String> redact, Consumer<String> progress) {
    this.transport = transport;
    this.redact = redact;
    this.progress = progress;
  }

  /**
   * Runs a step.
   *
   * @param name the step's name in the report
   * @param argv the command
   * @param timeout its limit
   * @return the step
   */
  public DeployStep run(String name, List<String> argv, Duration timeout) {
    DeployStep.Builder step = DeployStep.builder().name(name);
    try {
      ExecResult result = transport.run(argv, new byte[0], timeout);
      step.status(result.succeeded() ? "ok" : "failed");
      if (!result.succeeded()) {
        step.detail("exit " + result.exitCode());
      }
      DeployTails.of(result.stdout(), redact).ifPresent(step::stdoutTail);
      DeployTails.of(result.stderr(), redact).ifPresent(step::stderrTail);
    } catch (CloudException e) {
      step.status("failed").detail(redact.apply(e.getMessage()));
    }
    DeployStep done = step.build();
    progress.accept(
        done.name() + ": " + done.status() + done.detail().map(d -> " (" + d + ")").orElse(""));
    return done;
  }
}
