package dev.megaplan.cloud.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.testkit.RequiredTool;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/megaplan-emulator} and {@code bin/lib/jar-launcher.sh}, run for real by bash in a copy
 * of the repository layout (the two scripts, copied, and a jar this test makes from the compiled
 * classes), with a stand-in {@code mvn} first on the PATH so no real build can start.
 */
class EmulatorLauncherTest {
  private static final Path REPO_BIN = Path.of("..", "bin").toAbsolutePath().normalize();
  private static final String JAR = "megaplan-cloud-testkit/target/megaplan-emulator.jar";
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path temp;
  private Path repo;
  private Path stubBin;
  private Path mvnCalls;
  private Path builtJar;

  @BeforeEach
  void copyRepositoryLayout() throws IOException {
    RequiredTool.require("bash", "bash");
    repo = temp.resolve("repo");
    Files.createDirectories(repo.resolve("bin/lib"));
    Files.createDirectories(repo.resolve("megaplan-cloud-testkit/target"));
    copyExecutable(REPO_BIN.resolve("megaplan-emulator"), repo.resolve("bin/megaplan-emulator"));
    copyExecutable(
        REPO_BIN.resolve("lib/jar-launcher.sh"), repo.resolve("bin/lib/jar-launcher.sh"));
    builtJar = temp.resolve("staging/megaplan-emulator.jar");
    writeEmulatorJar(builtJar);

    stubBin = Files.createDirectories(temp.resolve("stub-bin"));
    mvnCalls = temp.resolve("mvn-calls");
    // The stand-in build: records how it was called, is noisy on stdout, takes a while, then
    // produces the jar — exactly what the launcher must cope with.
    writeExecutable(
        stubBin.resolve("mvn"),
        "#!/bin/sh\n"
            + "echo \"$PWD|$*\" >> '"
            + mvnCalls
            + "'\n"
            + "echo 'MAVEN NOISE ON STDOUT'\n"
            + "sleep 1\n"
            + "cp '"
            + builtJar
            + "' '"
            + repo.resolve(JAR)
            + "'\n");
  }

  @Test
  void runsTheJarThroughSymlinksFromAnyDirectory() throws IOException {
    Files.copy(builtJar, repo.resolve(JAR));
    Path links = Files.createDirectories(temp.resolve("somewhere/else"));
    Path link =
        Files.createSymbolicLink(links.resolve("emu"), repo.resolve("bin/megaplan-emulator"));
    Path linkToLink = Files.createSymbolicLink(temp.resolve("emu2"), link);
    ChainWorkspace ws =
        ChainWorkspace.create(
            temp.resolve("work/app"),
            ChainWorkspace.spec(List.of("m1", "m2"), "emulator: {step_ms: 0}"));

    Result started = launch(ws.directory(), linkToLink, ws.chainStartArgs());
    Result status = launch(ws.directory(), link, "status", "--plan", "m2-plan");

    assertEquals(0, started.exitCode, started.toString());
    assertTrue(started.stdout.contains("emulator: chain complete"), started.toString());
    assertEquals(0, status.exitCode, status.toString());
    assertEquals(PlanStatus.payload("m2-plan", "done", "m2"), JsonReader.parse(status.stdout));
    assertFalse(Files.exists(mvnCalls), "a jar that exists is never rebuilt");
  }

  @Test
  void passesTheExitStatusAndStderrThrough() throws IOException {
    Files.copy(builtJar, repo.resolve(JAR));

    Result result = launch(temp, repo.resolve("bin/megaplan-emulator"), "frobnicate");

    assertEquals(2, result.exitCode, result.toString());
    assertEquals("emulator: unsupported command: frobnicate\n", result.stderr);
  }

  @Test
  void aMissingJarIsBuiltOnceEvenWhenTwoCallsStartTogether() throws Exception {
    Path launcher = repo.resolve("bin/megaplan-emulator");
    Launched first = start(temp, launcher, "status");
    Launched second = start(temp, launcher, "status");
    Result one = await(first);
    Result two = await(second);

    for (Result result : List.of(one, two)) {
      assertEquals(0, result.exitCode, result.toString());
      assertEquals(PlanStatus.payload(null, "missing", null), JsonReader.parse(result.stdout));
    }
    assertEquals(
        List.of(repo + "|-B -q -DskipTests install"),
        Files.readAllLines(mvnCalls),
        "one build, at the repository root");
    assertTrue(
        (one.stderr + two.stderr).contains("MAVEN NOISE ON STDOUT"),
        "the build's output goes to stderr");
  }

  @Test
  void aFailedBuildIsReportedAndNothingRuns() throws IOException {
    writeExecutable(stubBin.resolve("mvn"), "#!/bin/sh\necho 'BUILD FAILURE'\nexit 3\n");

    Result result = launch(temp, repo.resolve("bin/megaplan-emulator"), "status");

    assertTrue(result.exitCode != 0, result.toString());
    assertEquals("", result.stdout);
    assertTrue(result.stderr.contains("BUILD FAILURE"), result.stderr);
    assertTrue(result.stderr.contains("megaplan-emulator: the build failed"), result.stderr);
  }

  @Test
  void worksWithNonAsciiPathsUnderTheCLocale() throws IOException {
    Files.copy(builtJar, repo.resolve(JAR));
    ChainWorkspace ws =
        ChainWorkspace.create(
            temp.resolve("wörk space/äpp"),
            ChainWorkspace.spec(List.of("m1"), "emulator: {step_ms: 0}"));

    Result result =
        launch(
            ws.directory(),
            Map.of("LANG", "C", "LC_ALL", ""),
            repo.resolve("bin/megaplan-emulator"),
            ws.chainStartArgs());

    assertEquals(0, result.exitCode, result.toString());
    assertEquals("1 null complete [m1]", ChainDrivingTest.summary(ws.state()));
  }

  // ---- helpers ----

  private record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  /** A launcher running, its output going to files so that no pipe can fill up. */
  private record Launched(Process process, Path out, Path err) {}

  private Result launch(Path cwd, Path launcher, String... args) throws IOException {
    return launch(cwd, Map.of(), launcher, args);
  }

  private Result launch(Path cwd, Map<String, String> env, Path launcher, String... args)
      throws IOException {
    return await(start(cwd, env, launcher, args));
  }

  private Launched start(Path cwd, Path launcher, String... args) throws IOException {
    return start(cwd, Map.of(), launcher, args);
  }

  /** Starts the launcher; an empty value in {@code env} removes that variable. */
  private Launched start(Path cwd, Map<String, String> env, Path launcher, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(temp, "out-", ".txt");
    Path err = Files.createTempFile(temp, "err-", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(cwd.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("PATH", stubBin + ":" + System.getenv("PATH"));
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.put("PWD", cwd.toString());
    for (Map.Entry<String, String> entry : env.entrySet()) {
      if (entry.getValue().isEmpty()) {
        environment.remove(entry.getKey());
      } else {
        environment.put(entry.getKey(), entry.getValue());
      }
    }
    return new Launched(builder.start(), out, err);
  }

  private static Result await(Launched launched) throws IOException {
    try {
      if (!launched.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        launched.process().destroyForcibly();
        throw new AssertionError("launcher timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return new Result(
        launched.process().exitValue(),
        Files.readString(launched.out(), StandardCharsets.UTF_8),
        Files.readString(launched.err(), StandardCharsets.UTF_8));
  }

  private static void copyExecutable(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void writeExecutable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** What the jar execution of the testkit POM packs: the emulator package and a Main-Class. */
  private static void writeEmulatorJar(Path jar) throws IOException {
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MegaplanEmulator.class.getName());
    Path classes = EmulatorProcess.classesDirectory();
    Path packageDir = classes.resolve("dev/megaplan/cloud/testkit/emulator");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> entries = Files.list(packageDir)) {
      for (Path classFile : entries.toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(classFile).toString()));
        out.write(Files.readAllBytes(classFile));
        out.closeEntry();
      }
    }
  }
}
