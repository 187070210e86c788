package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.core.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line in a real process: its home is {@code $HOME}, and Java's {@code
 * user.home} (standing in for the passwd home, here a directory of this test's) only when {@code
 * HOME} is unset or empty. Runs after {@code package}, on {@code target/megaplan-cloud.jar}.
 */
class HomeDirectoryPackagedTest {
  static final Path JAR = Path.of("target/megaplan-cloud.jar").toAbsolutePath();

  @TempDir Path dir;
  Path project;
  Path home;
  Path passwdHome;

  @BeforeEach
  void setUp() throws IOException {
    assertTrue(Files.isRegularFile(JAR), "the runnable jar is built by `package`: " + JAR);
    project = Files.createDirectories(dir.resolve("project"));
    home = Files.createDirectories(dir.resolve("home"));
    passwdHome = Files.createDirectories(dir.resolve("passwd-home"));
    Files.writeString(
        project.resolve("cloud.yaml"),
        "provider: host\nrepo: {url: https://example.invalid/app.git}\n"
            + "ssh: {host: box.example.invalid, identity_file: ~/keys/id_test}\n");
  }

  record Run(int exit, String out, String err) {}

  static Run cli(Path workingDirectory, Map<String, String> env, Path userHome, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Duser.home=" + userHome);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv("PATH"));
    builder.environment().put("LANG", "C.UTF-8");
    builder.environment().putAll(env);
    Path out = Files.createTempFile(workingDirectory, "out", ".txt");
    Path err = Files.createTempFile(workingDirectory, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    process.getOutputStream().close();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command line did not finish");
    Run run =
        new Run(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> all = Files.list(dir)) {
      return all.toList();
    }
  }

  @Test
  void theDeployDirectoryAndTildeFollowHomeAndNothingLandsInThePasswdHome() throws Exception {
    Map<String, String> env = Map.of("HOME", home.toString());
    Run deploy = cli(project, env, passwdHome, "deploy");
    try {
      assertEquals(0, deploy.exit(), deploy.toString());
      assertTrue(
          Files.isDirectory(home.resolve(".megaplan/cloud/host/app")),
          "the host root defaults under $HOME: " + deploy);
      Run show = cli(project, env, passwdHome, "config", "show", "--json");
      assertEquals(0, show.exit(), show.toString());
      JsonNode ssh = Json.mapper().readTree(show.out()).path("config").path("ssh");
      assertEquals(home.resolve("keys/id_test").toString(), ssh.path("identity_file").asText());
      assertEquals(home.resolve(".ssh/known_hosts").toString(), ssh.path("known_hosts").asText());
      assertEquals(List.of(), entries(passwdHome), "the passwd home stays untouched");
    } finally {
      cli(project, env, passwdHome, "destroy", "--yes");
    }
  }

  @Test
  void anEmptyHomeFallsBackToUserHome() throws Exception {
    Map<String, String> env = Map.of("HOME", "");
    Run deploy = cli(project, env, passwdHome, "deploy");
    try {
      assertEquals(0, deploy.exit(), deploy.toString());
      assertTrue(
          Files.isDirectory(passwdHome.resolve(".megaplan/cloud/host/app")), deploy.toString());
      assertEquals(List.of(), entries(home));
    } finally {
      cli(project, env, passwdHome, "destroy", "--yes");
    }
  }
}
