package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-in phase timing log, in a JVM of its own (the switch is a system property read once):
 * marks on stderr in time order, stdout byte-identical to a call without it, and nothing of the
 * command or its secrets in a mark.
 */
class PhaseTimingTest {
  static final String SECRET = "timing-pl4nted-secret-77";
  static final Pattern MARK = Pattern.compile("dev\\.megaplan\\.cloud\\.timing - t=(\\d+) (\\S+)");

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run cli(boolean timing, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Duser.home=" + dir.resolve("home"));
    if (timing) {
      command.add("-Dmegaplan.cloud.timing=true");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MegaplanCloud.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("HOME", dir.resolve("home").toString());
    builder.environment().put("MY_TOKEN", SECRET);
    builder.redirectOutput(dir.resolve("out").toFile());
    builder.redirectError(dir.resolve("err").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI did not finish");
    return new Run(
        process.exitValue(),
        Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }

  private void project() throws IOException {
    Files.writeString(
        dir.resolve("cloud.yaml"),
        "provider: host\n"
            + "repo: {url: https://example.invalid/app.git}\n"
            + "secrets: [MY_TOKEN]\n"
            + "host: {root: '"
            + dir.resolve("box")
            + "'}\n");
  }

  @Test
  void marksGoToStderrInOrderAndStdoutIsUnchanged() throws Exception {
    project();
    String spec = dir.resolve("box/app-" + SECRET + "/chain.yaml").toString();

    Run plain = cli(false, "status", "--chain", "--remote-spec", spec);
    Run timed = cli(true, "status", "--chain", "--remote-spec", spec);

    assertEquals(plain.exit(), timed.exit(), timed.err());
    assertEquals(plain.out(), timed.out(), "stdout does not depend on the timing log");
    assertFalse(plain.err().contains("dev.megaplan.cloud.timing"), plain.err());
    List<String> phases = new ArrayList<>();
    long last = 0;
    for (String line : timed.err().split("\n")) {
      Matcher mark = MARK.matcher(line);
      if (mark.find()) {
        long t = Long.parseLong(mark.group(1));
        assertTrue(t >= last, "marks in time order: " + timed.err());
        last = t;
        phases.add(mark.group(2));
        assertFalse(line.contains(SECRET), "a mark holds the secret: " + line);
        assertFalse(line.contains("chain.yaml"), "a mark holds the command's values: " + line);
      }
    }
    for (String phase :
        List.of(
            "cli.main",
            "cli.commands_built",
            "cli.parsed",
            "config.loaded",
            "providers.discovered",
            "provider.created",
            "session.opened",
            "cli.exit")) {
      assertTrue(phases.contains(phase), phase + " missing from " + phases);
    }
    assertTrue(
        phases.indexOf("config.loaded") < phases.indexOf("session.opened"), phases.toString());
  }
}
