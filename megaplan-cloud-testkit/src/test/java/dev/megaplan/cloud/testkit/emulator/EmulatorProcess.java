package dev.megaplan.cloud.testkit.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the emulator for real, as a child JVM on the compiled classes, with a timeout on every call.
 */
final class EmulatorProcess {
  private static final long TIMEOUT_SECONDS = 90;

  private final Path workingDirectory;
  private final Map<String, String> environment = new HashMap<>();

  private EmulatorProcess(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  /** An emulator started in {@code workingDirectory}. */
  static EmulatorProcess in(Path workingDirectory) {
    return new EmulatorProcess(workingDirectory);
  }

  /** Puts {@code directory} first on the child's PATH. */
  EmulatorProcess withPathFirst(Path directory) {
    environment.put("PATH", directory + ":" + System.getenv("PATH"));
    return this;
  }

  /** Runs one call to its end. */
  Result run(String... args) {
    return start(args).await();
  }

  /** Starts one call and returns at once. */
  Running start(String... args) {
    List<String> command = new ArrayList<>(javaCommand());
    command.add(MegaplanEmulator.class.getName());
    command.addAll(Arrays.asList(args));
    try {
      Path out = Files.createTempFile("emulator-out-", ".txt");
      Path err = Files.createTempFile("emulator-err-", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(environment);
      builder.environment().put("PWD", workingDirectory.toString());
      return new Running(builder.start(), out, err, Arrays.toString(args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A call in progress; its output goes to files, so a full pipe can never block it. */
  record Running(Process process, Path out, Path err, String description) {
    /** Waits (with the timeout) for the call to end and returns what it produced. */
    Result await() {
      try {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("emulator call timed out: " + description);
        }
        Result result =
            new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return result;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** {@code java <fast-start flags> -cp <the compiled emulator classes>}. */
  static List<String> javaCommand() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-Xshare:auto",
        "-cp",
        classesDirectory().toString());
  }

  /** The directory (or jar) the emulator classes were loaded from: {@code target/classes}. */
  static Path classesDirectory() {
    try {
      return Path.of(
          MegaplanEmulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What one call produced. */
  record Result(int exitCode, String stdout, String stderr) {
    /** The stdout parsed as a JSON object. */
    Map<String, Object> json() {
      Object parsed = JsonReader.parse(stdout.trim());
      if (!(parsed instanceof Map)) {
        throw new AssertionError("stdout is not a JSON object: " + stdout);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) parsed;
      return map;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }
}
