package dev.megaplan.cloud.testkit.docker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real Docker engine the tests tagged {@code docker} run against, seen through the {@code
 * docker} client on this JVM's {@code PATH} (which honours {@code DOCKER_HOST}): whether one
 * answers, the test images ({@code scripts/test-runner-image}) and a way to run client commands.
 *
 * <p>The runner image is {@value #RUNNER_IMAGE_VARIABLE} when set, else {@value
 * #DEFAULT_RUNNER_IMAGE}; the build base {@value #BASE_IMAGE_VARIABLE}, else {@value
 * #DEFAULT_BASE_IMAGE}.
 */
public final class DockerEngine {
  /** The environment variable naming the test runner image. */
  public static final String RUNNER_IMAGE_VARIABLE = "MEGAPLAN_CLOUD_TEST_RUNNER_IMAGE";

  /** The environment variable naming the test build base image. */
  public static final String BASE_IMAGE_VARIABLE = "MEGAPLAN_CLOUD_TEST_BASE_IMAGE";

  /** The runner image when {@value #RUNNER_IMAGE_VARIABLE} is unset. */
  public static final String DEFAULT_RUNNER_IMAGE = "megaplan-cloud-test-runner:latest";

  /** The build base image when {@value #BASE_IMAGE_VARIABLE} is unset. */
  public static final String DEFAULT_BASE_IMAGE = "megaplan-cloud-test-base:latest";

  private static volatile Optional<String> probed;

  /** What one client command did. */
  public record Result(int exitCode, String stdout, String stderr) {
    /**
     * Whether it exited 0.
     *
     * @return true on exit 0
     */
    public boolean succeeded() {
      return exitCode == 0;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  private DockerEngine() {}

  /**
   * Asks the engine its version once per JVM: {@code docker version --format {{.Server.Version}}}.
   *
   * @return the server version, or empty when no engine answers (or there is no client)
   */
  public static Optional<String> serverVersion() {
    Optional<String> known = probed;
    if (known == null) {
      Optional<String> version;
      try {
        Result probe = docker(Duration.ofSeconds(20), "version", "--format", "{{.Server.Version}}");
        String answer = probe.stdout().strip();
        version = probe.succeeded() && !answer.isEmpty() ? Optional.of(answer) : Optional.empty();
      } catch (UncheckedIOException e) {
        version = Optional.empty();
      }
      probed = version;
      known = version;
    }
    return known;
  }

  /**
   * Where the client looks for the engine, for messages.
   *
   * @return {@code DOCKER_HOST}'s value, or the default socket
   */
  public static String host() {
    String host = System.getenv("DOCKER_HOST");
    return host == null || host.isBlank() ? "unix:///var/run/docker.sock (the default)" : host;
  }

  /**
   * The test runner image: bash, tmux, git, python3 and the megaplan emulator as {@code
   * megaplan-emulator}; its main process writes a numbered heartbeat line every 2 seconds.
   *
   * @return an image reference
   */
  public static String runnerImage() {
    return variable(RUNNER_IMAGE_VARIABLE, DEFAULT_RUNNER_IMAGE);
  }

  /**
   * The test build base: the runner image with offline stand-ins of {@code apt-get} and {@code npm}
   * first on its {@code PATH}, for cloud.yaml's {@code image.base}.
   *
   * @return an image reference
   */
  public static String baseImage() {
    return variable(BASE_IMAGE_VARIABLE, DEFAULT_BASE_IMAGE);
  }

  /**
   * Whether the engine holds an image.
   *
   * @param reference the image
   * @return true when {@code docker image inspect} finds it
   */
  public static boolean hasImage(String reference) {
    return docker(Duration.ofSeconds(30), "image", "inspect", "--format", "{{.Id}}", reference)
        .succeeded();
  }

  /**
   * Runs a {@code docker} client command with stdin closed.
   *
   * @param timeout how long before it is killed (then exit status -1)
   * @param args the arguments after {@code docker}
   * @return what it did
   * @throws UncheckedIOException when {@code docker} cannot be started
   */
  public static Result docker(Duration timeout, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add("docker");
    argv.addAll(List.of(args));
    return run(argv, timeout);
  }

  /**
   * Runs a program with stdin closed and both streams collected.
   *
   * @param argv the program and its arguments
   * @param timeout how long before it is killed (then exit status -1)
   * @return what it did
   * @throws UncheckedIOException when it cannot be started
   */
  public static Result run(List<String> argv, Duration timeout) {
    try {
      Process process =
          new ProcessBuilder(argv)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      CompletableFuture<byte[]> out = drain(process.getInputStream());
      CompletableFuture<byte[]> err = drain(process.getErrorStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return new Result(-1, text(out), "timed out after " + timeout + ": " + argv);
      }
      return new Result(process.exitValue(), text(out), text(err));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + argv.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + argv, e);
    }
  }

  private static CompletableFuture<byte[]> drain(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return in.readAllBytes();
          } catch (IOException e) {
            return new byte[0];
          }
        });
  }

  private static String text(CompletableFuture<byte[]> bytes) {
    try {
      return new String(bytes.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    } catch (Exception e) {
      return "";
    }
  }

  private static String variable(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
