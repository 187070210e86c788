package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/quickstart} end to end, as a user runs it once the jars are built: it carries its
 * chain to complete, leaves nothing in the home it was started with (its markers go to a home of
 * its own) and removes its temp directory. Runs after {@code package}; a stand-in {@code mvn} that
 * fails keeps it from ever building.
 */
class QuickstartPackagedTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  private static List<Path> entries(Path dir) throws Exception {
    try (Stream<Path> all = Files.list(dir)) {
      return all.toList();
    }
  }

  @Test
  void quickstartCompletesAndLeavesNothingInTheHomeOrTheTempDirectory() throws Exception {
    assertTrue(
        Files.isRegularFile(REPO.resolve("megaplan-cloud-cli/target/megaplan-cloud.jar"))
            && Files.isRegularFile(
                REPO.resolve("megaplan-cloud-testkit/target/megaplan-emulator.jar")),
        "the jars are built by `package`");
    Path home = Files.createDirectories(dir.resolve("home"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path stubs = Files.createDirectories(dir.resolve("stubs"));
    Path mvn = stubs.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\necho 'mvn must not run here' >&2\nexit 97\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path log = dir.resolve("quickstart.log");

    ProcessBuilder builder =
        new ProcessBuilder(REPO.resolve("bin/quickstart").toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().remove("TMUX");
    builder.environment().put("HOME", home.toString());
    builder.environment().put("TMPDIR", tmp.toString());
    builder.environment().put("PATH", stubs + ":" + System.getenv("PATH"));
    Process process = builder.start();
    process.getOutputStream().close();
    boolean finished = process.waitFor(300, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished, "quickstart did not finish in 300 s:\n" + output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("the chain is complete"), output);
    assertEquals(List.of(), entries(home), "quickstart left something in its caller's home");
    assertEquals(List.of(), entries(tmp), "quickstart left its temp directory behind");
  }
}
