package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
}
