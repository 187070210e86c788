package dev.megaplan.cloud.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.core.internal.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line in-process with captured output and an injected environment. Standard
 * output is one byte sink, written both through the command line's writer and as bytes, as in a
 * real process.
 */
final class CliRun {
  final int exit;
  final String out;
  final byte[] outBytes;
  final String err;

  private CliRun(int exit, byte[] outBytes, String err) {
    this.exit = exit;
    this.outBytes = outBytes;
    this.out = new String(outBytes, StandardCharsets.UTF_8);
    this.err = err;
  }

  static CliRun in(Path workingDirectory, String... args) {
    return in(workingDirectory, Map.of(), "", args);
  }

  static CliRun in(Path workingDirectory, Map<String, String> env, String stdin, String... args) {
    return run(
        workingDirectory,
        workingDirectory.resolve("home"),
        env,
        stdin.getBytes(StandardCharsets.UTF_8),
        false,
        args);
  }

  /** As {@link #in(Path, String...)}, with another home directory. */
  static CliRun withHome(Path workingDirectory, Path home, String... args) {
    return run(workingDirectory, home, Map.of(), new byte[0], false, args);
  }

  /** As {@link #in(Path, Map, String, String...)}, with raw bytes on standard input. */
  static CliRun withInput(
      Path workingDirectory, Map<String, String> env, byte[] stdin, String... args) {
    return run(workingDirectory, workingDirectory.resolve("home"), env, stdin, false, args);
  }

  /** As {@link #in(Path, Map, String, String...)}, with a terminal attached (prompts are asked). */
  static CliRun onTerminal(
      Path workingDirectory, Map<String, String> env, String stdin, String... args) {
    return run(
        workingDirectory,
        workingDirectory.resolve("home"),
        env,
        stdin.getBytes(StandardCharsets.UTF_8),
        true,
        args);
  }

  private static CliRun run(
      Path workingDirectory,
      Path home,
      Map<String, String> env,
      byte[] stdin,
      boolean interactive,
      String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Map<String, String> environment = new HashMap<>(env);
    CliEnvironment cli =
        new CliEnvironment(
            environment::get,
            home,
            workingDirectory,
            new ByteArrayInputStream(stdin),
            stdout,
            interactive);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    int exit = MegaplanCloud.execute(args, out, new PrintWriter(err), cli);
    return new CliRun(exit, stdout.toByteArray(), err.toString());
  }

  JsonNode json() {
    try {
      return Json.mapper().readTree(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("stdout is not JSON: " + out, e);
    }
  }

  @Override
  public String toString() {
    return "exit=" + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
