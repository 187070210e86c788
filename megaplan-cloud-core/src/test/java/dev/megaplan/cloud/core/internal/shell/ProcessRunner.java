package dev.megaplan.cloud.core.internal.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Test helper: runs a real process with a timeout and collects its output as bytes. */
public final class ProcessRunner {
  private ProcessRunner() {}

  /** What a finished process produced. */
  public record Result(int exitCode, byte[] stdout, byte[] stderr) {
    /**
     * Stdout as UTF-8.
     *
     * @return the text
     */
    public String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /**
     * Stderr as UTF-8.
     *
     * @return the text
     */
    public String err() {
      return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit=" + exitCode + "\nstdout:\n" + out() + "\nstderr:\n" + err();
    }
  }

  /**
   * Runs {@code bash -c script} with the given timeout.
   *
   * @param script the shell text
   * @param timeout the limit
   * @return the result
   */
  public static Result bash(String script, Duration timeout) {
    return run(List.of("bash", "-c", script), null, Map.of(), timeout);
  }

  /**
   * Runs a command with optional stdin bytes and extra environment, killing it after the timeout.
   *
   * @param argv the argument vector
   * @param stdin bytes for stdin, or null for none
   * @param env extra environment variables
   * @param timeout the limit
   * @return the result
   */
  public static Result run(
      List<String> argv, byte[] stdin, Map<String, String> env, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      CompletableFuture<byte[]> out = drain(process.getInputStream());
      CompletableFuture<byte[]> err = drain(process.getErrorStream());
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("process timed out after " + timeout + ": " + argv);
      }
      return new Result(
          process.exitValue(),
          out.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
          err.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (Exception e) {
      throw new AssertionError("process failed: " + argv, e);
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            stream.transferTo(buffer);
            return buffer.toByteArray();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
