package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.cli.commands.RedactCommand;
import dev.megaplan.cloud.core.Redactor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactCommandTest {
  @TempDir Path dir;

  @Test
  void redactsAssignmentsAndTokenShapesFromStdinWithoutACloudYaml() {
    CliRun run =
        CliRun.in(
            dir,
            Map.of(),
            "OPENAI_API_KEY=sk-abc123 ghp_xyz\n",
            "redact",
            "--secret",
            "OPENAI_API_KEY");
    assertEquals(0, run.exit, run.toString());
    assertEquals("OPENAI_API_KEY=***REDACTED*** ***REDACTED***\n", run.out);
  }

  @Test
  void redactsTheValuesOfSecretsNamedInCloudYaml() throws Exception {
    Files.writeString(dir.resolve("cloud.yaml"), "repo: {url: u}\nsecrets: [DEPLOY_TOKEN]\n");
    CliRun run =
        CliRun.in(
            dir,
            Map.of("DEPLOY_TOKEN", "tok-0123456789"),
            "pushing with tok-0123456789 now\nlast line without newline tok-0123456789",
            "redact");
    assertEquals(0, run.exit, run.toString());
    assertEquals(
        "pushing with ***REDACTED*** now\nlast line without newline ***REDACTED***", run.out);
    assertFalse(run.out.contains("tok-0123456789"));
  }

  private static final Map<String, String> ENV =
      Map.of("OPENAI_API_KEY", "openai-live-9f8e7d6c5b4a", "DB_PASSWORD", "p4$$w0rd.+*?[prod]");
  private static final int BLOCK = 1 << 20; // the command's read size

  /**
   * About 5 MB of log: ordinary lines (some non-ASCII, some CRLF, some long), assignments, literal
   * values and token shapes, plus a secret value and an assignment straddling every 1 MiB block
   * boundary (the command reads 1 MiB at a time).
   */
  private static byte[] largeMixedLog() {
    Random random = new Random(20261204L);
    String value = ENV.get("OPENAI_API_KEY");
    StringBuilder text = new StringBuilder();
    int nextBoundary = BLOCK;
    while (text.length() < 5 * BLOCK) {
      if (text.length() > nextBoundary - 40) {
        int pad = nextBoundary - text.length() - value.length() / 2;
        text.append("x".repeat(Math.max(0, pad)))
            .append(value)
            .append(" and DB_PASSWORD=")
            .append(ENV.get("DB_PASSWORD"))
            .append('\n');
        nextBoundary += BLOCK;
        continue;
      }
      switch (random.nextInt(12)) {
        case 0 -> text.append("env OPENAI_API_KEY=").append(value);
        case 1 -> text.append("config DB_PASSWORD: \"").append(ENV.get("DB_PASSWORD")).append('"');
        case 2 -> text.append("auth sk-proj-").append(Long.toHexString(random.nextLong()));
        case 3 -> text.append("push https://ghp_").append(Long.toHexString(random.nextLong()));
        case 4 ->
            text.append("gr\u00fc\u00dfe \ud83d\udd11 ").append(value).append(" \u4e2d\u6587");
        case 5 -> text.append("a long line ").append("word ".repeat(20000 + random.nextInt(99)));
        case 6 -> text.append("windows line\r");
        default ->
            text.append("INFO [worker-")
                .append(random.nextInt(8))
                .append("] batch ")
                .append(random.nextInt(100000))
                .append(" ok");
      }
      text.append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aLargeMixedLogComesOutExactlyAsTheLibraryRedactsIt() {
    byte[] log = largeMixedLog();
    String expected =
        Redactor.create(List.of("OPENAI_API_KEY", "DB_PASSWORD"), ENV::get)
            .withLineBound(Integer.MAX_VALUE / 4)
            .redact(new String(log, StandardCharsets.UTF_8));
    CliRun run =
        CliRun.withInput(
            dir, ENV, log, "redact", "--secret", "OPENAI_API_KEY", "--secret=DB_PASSWORD");
    assertEquals(0, run.exit, run.err);
    assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), run.outBytes);
    assertFalse(run.out.contains(ENV.get("OPENAI_API_KEY")));
    assertFalse(run.out.contains(ENV.get("DB_PASSWORD")));
  }

  @Test
  void picocliAndTheDirectPathRedactAlike() {
    byte[] log = largeMixedLog();
    // "--" ends the options: valid for picocli, beyond the direct parser, so picocli runs
    assertTrue(
        RedactCommand.direct(new String[] {"redact", "--secret", "DB_PASSWORD", "--"}).isEmpty());
    CliRun direct = CliRun.withInput(dir, ENV, log, "redact", "--secret", "DB_PASSWORD");
    CliRun picocli = CliRun.withInput(dir, ENV, log, "redact", "--secret", "DB_PASSWORD", "--");
    assertEquals(0, picocli.exit, picocli.err);
    assertArrayEquals(picocli.outBytes, direct.outBytes);
  }

  @Test
  void theDirectParserTakesOnlyPlainCalls() {
    assertEquals(
        Optional.of(
            new RedactCommand.Direct(List.of("A", "B"), Optional.of(Path.of("c.yaml")), true)),
        RedactCommand.direct(
            new String[] {
              "redact", "--secret", "A", "--debug", "--secret=B", "--cloud-yaml=c.yaml"
            }));
    assertEquals(
        Optional.of(new RedactCommand.Direct(List.of(), Optional.empty(), false)),
        RedactCommand.direct(new String[] {"redact"}));
    for (String[] args :
        new String[][] {
          {"redact", "--help"},
          {"redact", "-h"},
          {"redact", "--secret"},
          {"redact", "--secret", "--debug"},
          {"redact", "--secret="},
          {"redact", "--secret", "@names.txt"},
          {"redact", "--debug", "--debug"},
          {"redact", "--cloud-yaml", "a", "--cloud-yaml", "b"},
          {"redact", "--secrets", "A"},
          {"redact", "extra"},
          {"status", "--secret", "A"},
        }) {
      assertEquals(Optional.empty(), RedactCommand.direct(args), String.join(" ", args));
    }
  }

  @Test
  void aDirectCallReportsAnInvalidSecretNameAsJson() {
    CliRun run = CliRun.in(dir, Map.of(), "x\n", "redact", "--secret", "A B");
    assertEquals(2, run.exit, run.toString());
    assertTrue(run.out.contains("\"error\": \"invalid_args\""), run.out);
  }

  @Test
  void helpStillComesFromPicocli() {
    CliRun run = CliRun.in(dir, "redact", "--help");
    assertEquals(0, run.exit, run.toString());
    assertTrue(run.out.contains("--secret=NAME"), run.out);
  }

  @Test
  void linesArriveAsTheyAreReadNotWhenTheBlockFills() throws Exception {
    // a slow producer: the first line must be out before the second is even read
    java.io.PipedOutputStream producer = new java.io.PipedOutputStream();
    java.io.PipedInputStream stdin = new java.io.PipedInputStream(producer);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CliEnvironment environment =
        new CliEnvironment(
            Map.<String, String>of()::get, dir.resolve("home"), dir, stdin, stdout, false);
    Thread command =
        new Thread(
            () ->
                MegaplanCloud.execute(
                    new String[] {"redact"},
                    new java.io.PrintWriter(new ByteArrayOutputStream()),
                    new java.io.PrintWriter(new ByteArrayOutputStream()),
                    environment));
    command.start();
    producer.write("first sk-abc\n".getBytes(StandardCharsets.UTF_8));
    producer.flush();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (stdout.size() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals("first ***REDACTED***\n", stdout.toString(StandardCharsets.UTF_8));
    producer.write("second\n".getBytes(StandardCharsets.UTF_8));
    producer.close();
    command.join(20_000);
    assertEquals("first ***REDACTED***\nsecond\n", stdout.toString(StandardCharsets.UTF_8));
  }
}
