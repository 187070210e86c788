package dev.megaplan.cloud.cli.internal;

import dev.megaplan.cloud.cli.CliEnvironment;
import dev.megaplan.cloud.cli.MegaplanCloud;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The build's class-data-sharing training run: runs the command line's common paths once, in one
 * JVM started with {@code -XX:ArchiveClassesAtExit}, so the archive holds the classes a real call
 * loads and {@code bin/megaplan-cloud} starts faster. Not part of the product: it never fails the
 * build (a path that cannot run here simply contributes fewer classes).
 */
public final class CdsTraining {
  private CdsTraining() {}

  /**
   * Runs the training calls in a scratch directory.
   *
   * @param args the scratch directory
   * @throws IOException when the scratch directory cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path work = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(work);
    Files.writeString(
        work.resolve("cloud.yaml"),
        "provider: host\n"
            + "repo: {url: https://example.invalid/app.git}\n"
            + "secrets: [TRAINING_TOKEN]\n"
            + "host: {root: '"
            + work.resolve("box")
            + "'}\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        work.resolve("observation.json"),
        "{\"effective_status\": \"stale_bookkeeping\", \"runner\": {\"status\": \"dead\"},"
            + " \"spec\": \"/workspace/app/chain.yaml\", \"resolved_session\": \"s\","
            + " \"resolved_workspace\": \"/workspace/app\", \"remote_shell\": true}\n",
        StandardCharsets.UTF_8);
    List<List<String>> calls =
        List.of(
            List.of("--help"),
            List.of("version", "--json"),
            List.of("config", "show", "--json"),
            List.of("config", "validate"),
            List.of("status", "--chain"),
            List.of(
                "status", "--chain", "--remote-spec", work.resolve("none/chain.yaml").toString()),
            List.of("supervise", "--chain", "--replay", "observation.json"),
            List.of("redact", "--secret", "TRAINING_TOKEN"));
    for (List<String> call : calls) {
      CliEnvironment environment =
          new CliEnvironment(
              Map.of(
                      "PATH",
                      String.valueOf(System.getenv("PATH")),
                      "TRAINING_TOKEN",
                      "x".repeat(12))
                  ::get,
              work.resolve("home"),
              work,
              new ByteArrayInputStream(
                  "TRAINING_TOKEN=abc sk-123 ghp_x\n".getBytes(StandardCharsets.UTF_8)),
              OutputStream.nullOutputStream(),
              false);
      try {
        MegaplanCloud.execute(
            call.toArray(String[]::new),
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            environment);
      } catch (RuntimeException e) {
        // a path that cannot run on the build machine contributes fewer classes; never fail
      }
    }
  }
}
