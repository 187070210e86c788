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
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The build's class-data-sharing training run: runs the command line's common paths once, in one
 * JVM started with {@code -XX:ArchiveClassesAtExit}, so the archive holds the classes a real call
 * loads and {@code bin/megaplan-cloud} starts faster. The paths: help, version, config; a chain
 * status read and a supervisor tick (dry run) on a {@code host} box with a chain in progress
 * ({@link TrainingBox}); a status read on the {@code ssh} provider as far as a loopback peer takes
 * it ({@link TrainingSshPeer}) and the cryptography of the rest of an SSH session ({@link
 * TrainingCrypto}); a replayed tick; redaction. Not part of the product: it never fails the build
 * (a path that cannot run here simply contributes fewer classes).
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
    TrainingBox box = new TrainingBox(work);
    box.write(work.resolve("home"));
    Files.writeString(
        work.resolve("observation.json"),
        "{\"effective_status\": \"stale_bookkeeping\", \"runner\": {\"status\": \"dead\"},"
            + " \"spec\": \"/workspace/app/chain.yaml\", \"resolved_session\": \"s\","
            + " \"resolved_workspace\": \"/workspace/app\", \"remote_shell\": true}\n",
        StandardCharsets.UTF_8);
    String spec = box.remoteSpec();
    List<List<String>> calls = new ArrayList<>();
    calls.add(List.of("--help"));
    calls.add(List.of("status", "--help"));
    calls.add(List.of("version", "--json"));
    calls.add(List.of("config", "show", "--json"));
    calls.add(List.of("config", "validate"));
    calls.add(List.of("status", "--chain", "--remote-spec", spec));
    calls.add(List.of("supervise", "--chain", "--remote-spec", spec, "--dry-run"));
    calls.add(List.of("status", "--chain"));
    calls.add(List.of("supervise", "--chain", "--replay", "observation.json"));
    calls.add(List.of("redact", "--secret", "TRAINING_TOKEN"));
    for (List<String> call : calls) {
      run(work, call);
    }
    try (TrainingSshPeer peer = TrainingSshPeer.start()) {
      Path sshYaml = peer.writeProject(work.resolve("ssh"));
      run(work, List.of("status", "--chain", "--cloud-yaml", sshYaml.toString()));
      run(
          work,
          List.of("status", "--chain", "--remote-spec", spec, "--cloud-yaml", sshYaml.toString()));
    } catch (GeneralSecurityException | IOException e) {
      // no loopback socket or no Ed25519 here: fewer classes, never a failed build
    }
    try {
      TrainingCrypto.run();
    } catch (GeneralSecurityException e) {
      // an algorithm this JVM lacks is one an SSH session here cannot use either
    }
  }

  private static void run(Path work, List<String> call) {
    CliEnvironment environment =
        new CliEnvironment(
            Map.of("PATH", String.valueOf(System.getenv("PATH")), "TRAINING_TOKEN", "x".repeat(12))
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
