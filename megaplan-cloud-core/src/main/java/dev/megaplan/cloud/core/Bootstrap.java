package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import dev.megaplan.cloud.core.internal.dispatch.RepoEnsurer;
import dev.megaplan.cloud.core.internal.remote.MegaplanCommands;
import dev.megaplan.cloud.core.internal.session.SessionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bootstrap (spec 03): stage one idea file at {@code <repo.workspace>/idea.txt} and run {@code
 * megaplan init --auto-start} there. Get one from {@link CloudSession#bootstrap(Path)}.
 *
 * <pre>{@code
 * ExecResult result = session.bootstrap(Path.of("idea.md")).planName("login").run();
 * }</pre>
 *
 * <p>The returned output is already redacted. Errors: {@code missing_idea_file} (nothing touched on
 * the box), {@code provider_failed} (a repo could not be cloned, the upload failed), messages
 * redacted. Not thread-safe.
 */
public final class Bootstrap {
  /** How long {@code megaplan init} may run by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  private final SessionContext context;
  private final Path idea;
  private Optional<String> planName = Optional.empty();
  private String robustness = "standard";
  private Duration timeout = DEFAULT_TIMEOUT;

  Bootstrap(SessionContext context, Path idea) {
    this.context = Objects.requireNonNull(context, "context");
    this.idea = Objects.requireNonNull(idea, "idea");
  }

  /**
   * The plan name; megaplan picks one from the idea otherwise.
   *
   * @param planName the name
   * @return this bootstrap
   */
  public Bootstrap planName(String planName) {
    this.planName = Optional.of(planName);
    return this;
  }

  /**
   * The robustness level passed to {@code megaplan init}; {@code standard} by default.
   *
   * @param robustness the level
   * @return this bootstrap
   */
  public Bootstrap robustness(String robustness) {
    this.robustness = Objects.requireNonNull(robustness, "robustness");
    return this;
  }

  /**
   * How long {@code megaplan init} may run; {@link #DEFAULT_TIMEOUT} by default.
   *
   * @param timeout the timeout
   * @return this bootstrap
   */
  public Bootstrap timeout(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Ensures the repos, uploads the idea and runs {@code megaplan init}.
   *
   * @return megaplan's exit status and output, redacted
   * @throws CloudException see the class description
   */
  public ExecResult run() {
    try {
      return runUnredacted();
    } catch (CloudException e) {
      throw context.redactor().redact(e);
    }
  }

  private ExecResult runUnredacted() {
    Path local = idea.toAbsolutePath().normalize();
    byte[] content = read(local);
    String workspace = context.configuredWorkspace();
    RemoteShell shell = context.shell("bootstrap");
    RepoEnsurer.ensure(
        shell, RepoEnsurer.checkouts(context.config(), context.provider(), workspace));
    shell.upload(List.of(Upload.of(workspace + "/idea.txt", content)));
    ExecResult result =
        shell.exec(
            MegaplanCommands.init(context.launcher(), workspace, robustness, planName), timeout);
    Redactor redactor = context.redactor();
    return ExecResult.of(
        result.exitCode(), redactor.redact(result.stdout()), redactor.redact(result.stderr()));
  }

  private static byte[] read(Path local) {
    CloudException missing =
        new CloudException(
            ErrorCode.MISSING_IDEA_FILE,
            "Idea file not found: " + local,
            Map.of("tried_paths", List.of(local.toString())));
    if (!Files.isRegularFile(local)) {
      throw missing;
    }
    try {
      return Files.readAllBytes(local);
    } catch (IOException e) {
      throw missing;
    }
  }
}
