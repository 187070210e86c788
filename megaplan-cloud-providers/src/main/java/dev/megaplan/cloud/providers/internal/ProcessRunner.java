package dev.megaplan.cloud.providers.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local child process to completion: an explicit environment (nothing inherited from this
 * JVM), stdin closed, stdout and stderr captured separately and concurrently, and a timeout after
 * which the whole process tree is killed and {@code provider_failed} thrown.
 *
 * <p>When {@code setsid} is available the child is started as the leader of a new session and
 * process group, so a timeout also kills background processes it left behind (a {@code sleep &}
 * still holding its output open) and the child has no controlling terminal to read from.
 */
public final class ProcessRunner {
  private static final int COMMAND_PREVIEW = 200;
  private static final Duration KILL_GRACE = Duration.ofSeconds(2);

  private final Optional<String> setsid;

  private ProcessRunner(Optional<String> setsid) {
    this.setsid = setsid;
  }

  /**
   * A runner that starts children in their own process group when {@code setsid} is found on the
   * given {@code PATH} (or in {@code /usr/bin}, {@code /bin}).
   *
   * @param path the {@code PATH} value to search, may be null
   * @return the runner
   */
  public static ProcessRunner create(String path) {
    return new ProcessRunner(Executables.find("setsid", path));
  }

  /**
   * A runner that starts children directly (no new process group); on timeout only the descendants
   * still attached to the child are killed.
   *
   * @return the runner
   */
  public static ProcessRunner withoutSetsid() {
    return new ProcessRunner(Optional.empty());
  }

  /**
   * Runs an argument vector and waits for it.
   *
   * @param argv the program and its arguments
   * @param environment the complete environment of the child
   * @param workingDirectory the child's working directory
   * @param timeout how long the child (and the draining of its output) may take
   * @param description what is run, for error messages (for example the shell text)
   * @return exit status, stdout and stderr; a non-zero exit status is data
   * @throws CloudException {@code provider_unavailable} when the program cannot be started, {@code
   *     provider_failed} on timeout or interruption
   */
  public ExecResult run(
      List<String> argv,
      Map<String, String> environment,
      Path workingDirectory,
      Duration timeout,
      String description) {
    return run(argv, environment, workingDirectory, timeout, description, new byte[0]);
  }

  /**
   * Runs an argument vector, feeding it stdin bytes, and waits for it.
   *
   * @param argv the program and its arguments
   * @param environment the complete environment of the child
   * @param workingDirectory the child's working directory
   * @param timeout how long the child (and the draining of its output) may take
   * @param description what is run, for error messages (never the stdin bytes)
   * @param stdin what the child reads on stdin, then end of file; empty: stdin is {@code /dev/null}
   * @return exit status, stdout and stderr; a non-zero exit status is data
   * @throws CloudException {@code provider_unavailable} when the program cannot be started, {@code
   *     provider_failed} on timeout or interruption
   */
  public ExecResult run(
      List<String> argv,
      Map<String, String> environment,
      Path workingDirectory,
      Duration timeout,
      String description,
      byte[] stdin) {
    List<String> command = new ArrayList<>();
    setsid.ifPresent(command::add);
    command.addAll(argv);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.directory(workingDirectory.toFile());
    if (stdin.length == 0) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "Could not start '" + argv.get(0) + "': " + e.getMessage(),
          Map.of("program", argv.get(0)),
          e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    StreamCollector out = StreamCollector.start(process.getInputStream(), "process-stdout");
    StreamCollector err = StreamCollector.start(process.getErrorStream(), "process-stderr");
    if (stdin.length > 0) {
      StdinFeeder.start(process.getOutputStream(), stdin);
    }
    try {
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        kill(process, out, err);
        throw timedOut(timeout, description, "");
      }
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!out.await(left)
          || !err.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
        kill(process, out, err);
        throw timedOut(
            timeout,
            description,
            " (the command exited, but a background process it started kept its output open)");
      }
      return ExecResult.of(process.exitValue(), out.text(), err.text());
    } catch (InterruptedException e) {
      ProcessTree.kill(process, setsid.isPresent());
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Interrupted while running: " + preview(description),
          Map.of("command", preview(description)),
          e);
    }
  }

  private void kill(Process process, StreamCollector out, StreamCollector err)
      throws InterruptedException {
    ProcessTree.kill(process, setsid.isPresent());
    process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    out.await(KILL_GRACE);
    err.await(KILL_GRACE);
  }

  private static CloudException timedOut(Duration timeout, String description, String why) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("timeout_ms", timeout.toMillis());
    context.put("command", preview(description));
    return new CloudException(
        ErrorCode.PROVIDER_FAILED,
        "Command timed out after "
            + human(timeout)
            + " and was killed with its child processes"
            + why
            + ": "
            + preview(description),
        context);
  }

  private static String human(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }

  private static String preview(String description) {
    return description.length() <= COMMAND_PREVIEW
        ? description
        : description.substring(0, COMMAND_PREVIEW) + "…";
  }
}
