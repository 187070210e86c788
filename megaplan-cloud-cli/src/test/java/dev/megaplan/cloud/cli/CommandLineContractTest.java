package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineContractTest {
  @TempDir Path dir;

  @Test
  void helpListsEverySubcommand() {
    CliRun run = CliRun.in(dir, "--help");
    assertEquals(0, run.exit, run.toString());
    for (String name :
        List.of(
            "init",
            "build",
            "deploy",
            "bootstrap",
            "chain",
            "status",
            "chains",
            "logs",
            "attach",
            "exec",
            "resume",
            "supervise",
            "down",
            "destroy",
            "config",
            "redact",
            "version")) {
      assertTrue(run.out.contains("\n  " + name + " "), name + " missing from:\n" + run.out);
    }
  }

  @Test
  void versionPrintsTheProjectVersion() {
    CliRun run = CliRun.in(dir, "version");
    assertEquals(0, run.exit, run.toString());
    assertTrue(run.out.matches("megaplan-cloud \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), run.out);
  }

  @Test
  void versionJsonNamesTheJavaRuntime() {
    JsonNode json = CliRun.in(dir, "version", "--json").json();
    assertEquals(System.getProperty("java.version"), json.get("java").asText());
    assertFalse(json.get("version").asText().isEmpty());
  }

  @Test
  void initWritesAStarterThatValidates() {
    CliRun init = CliRun.in(dir, "init", "--cloud-yaml", "x/cloud.yaml");
    assertEquals(0, init.exit, init.toString());
    Path written = dir.resolve("x/cloud.yaml");
    assertEquals(written.toString(), init.json().get("cloud_yaml").asText());
    assertTrue(init.json().get("success").asBoolean());
    assertTrue(Files.exists(written));

    CliRun validate = CliRun.in(dir, "config", "validate", "--cloud-yaml", "x/cloud.yaml");
    assertEquals(0, validate.exit, validate.toString());
    assertTrue(validate.json().get("success").asBoolean());
  }

  @Test
  void aSecondInitWithoutForceIsRefusedAndKeepsTheFile() throws Exception {
    Path target = dir.resolve("cloud.yaml");
    Files.writeString(target, "repo: {url: mine}\n");
    CliRun run = CliRun.in(dir, "init");
    assertEquals(2, run.exit, run.toString());
    assertEquals("invalid_args", run.json().get("error").asText());
    assertEquals("repo: {url: mine}\n", Files.readString(target));
  }

  @Test
  void initWithForceOverwrites() throws Exception {
    Files.writeString(dir.resolve("cloud.yaml"), "repo: {url: mine}\n");
    CliRun run = CliRun.in(dir, "init", "--force");
    assertEquals(0, run.exit, run.toString());
    assertFalse(Files.readString(dir.resolve("cloud.yaml")).equals("repo: {url: mine}\n"));
  }

  @Test
  void configValidateReportsTheProviderAndUnknownKeys() throws Exception {
    Files.writeString(
        dir.resolve("cloud.yaml"),
        "provder: ssh\nprovider: host\nrepo:\n  url: https://x/app.git\n");
    CliRun run = CliRun.in(dir, "config", "validate");
    assertEquals(0, run.exit, run.toString());
    JsonNode json = run.json();
    assertEquals("host", json.get("provider").asText());
    assertEquals(dir.resolve("cloud.yaml").toString(), json.get("cloud_yaml").asText());
    assertEquals(1, json.get("warnings").size());
    assertTrue(json.get("warnings").get(0).asText().contains("provder"), json.toString());
  }

  @Test
  void configValidateRejectsAnUnknownProviderListingTheNamesFound() throws Exception {
    Files.writeString(dir.resolve("cloud.yaml"), "provider: nimbus\nrepo:\n  url: u\n");
    CliRun run = CliRun.in(dir, "config", "validate");
    assertEquals(1, run.exit, run.toString());
    JsonNode json = run.json();
    assertFalse(json.get("success").asBoolean());
    assertEquals("invalid_spec", json.get("error").asText());
    assertEquals(
        "Unknown cloud provider 'nimbus'. Providers found on the class path: host, kubernetes,"
            + " local, railway, ssh",
        json.get("message").asText());
  }

  @Test
  void anInvalidFilePrintsTheErrorJsonWithoutAStackTrace() throws Exception {
    Files.writeString(dir.resolve("cloud.yaml"), "repo:\n  url: u\nresources:\n  port: 70000\n");
    CliRun run = CliRun.in(dir, "config", "show", "--json");
    assertEquals(1, run.exit, run.toString());
    assertEquals("invalid_spec", run.json().get("error").asText());
    assertTrue(run.json().get("message").asText().contains("resources.port"), run.out);
    assertFalse(run.err.contains("at dev.megaplan"), run.err);
  }

  @Test
  void configShowJsonFillsDefaultsWithSnakeCaseNamesAndSecretsByName() throws Exception {
    Files.writeString(
        dir.resolve("cloud.yaml"),
        "repo:\n  url: https://x/app.git\nsecrets: [OPENAI_API_KEY, GITHUB_TOKEN]\n",
        StandardCharsets.UTF_8);
    CliRun run =
        CliRun.in(
            dir,
            java.util.Map.of("OPENAI_API_KEY", "sk-live-value-123456"),
            "",
            "config",
            "show",
            "--json");
    assertEquals(0, run.exit, run.toString());
    JsonNode config = run.json().get("config");
    assertEquals("railway", config.get("provider").asText());
    assertEquals("main", config.get("repo").get("branch").asText());
    assertEquals("/workspace/app", config.get("repo").get("workspace").asText());
    JsonNode secrets = run.json().get("secrets");
    assertEquals("OPENAI_API_KEY", secrets.get(0).get("name").asText());
    assertTrue(secrets.get(0).get("set").asBoolean());
    assertFalse(secrets.get(1).get("set").asBoolean());
    assertFalse(run.out.contains("sk-live-value-123456"), "a secret value leaked: " + run.out);
  }

  @Test
  void configShowWithoutJsonIsReadable() throws Exception {
    Files.writeString(dir.resolve("cloud.yaml"), "repo:\n  url: https://x/app.git\n");
    CliRun run = CliRun.in(dir, "config", "show");
    assertEquals(0, run.exit, run.toString());
    assertTrue(run.out.contains("provider: railway\n"), run.out);
    assertTrue(run.out.contains("  url: https://x/app.git\n"), run.out);
  }

  @Test
  void aMissingCloudYamlIsInvalidSpecNamingThePath() {
    CliRun run = CliRun.in(dir, "config", "validate");
    assertEquals(1, run.exit, run.toString());
    assertEquals("invalid_spec", run.json().get("error").asText());
    assertTrue(run.json().get("message").asText().contains(dir.resolve("cloud.yaml").toString()));
  }

  @Test
  void aUsageErrorIsInvalidArgsWithExitTwo() {
    CliRun run = CliRun.in(dir, "chain", "spec.yaml", "--no-such-flag");
    assertEquals(2, run.exit, run.toString());
    assertEquals("invalid_args", run.json().get("error").asText());
    assertTrue(run.err.contains("--no-such-flag"), run.err);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "deploy",
        "down",
        "chains",
        "exec uptime",
        "status --chain --remote-spec /workspace/app/chain.yaml"
      })
  void railwayWithoutATokenOrTheCliSaysProviderUnavailable(String command) throws Exception {
    Files.writeString(dir.resolve("cloud.yaml"), "repo:\n  url: https://x/app.git\n");
    CliRun run = CliRun.in(dir, Map.of("PATH", "/nonexistent"), "", command.split(" "));
    assertEquals(1, run.exit, run.toString());
    assertEquals("provider_unavailable", run.json().get("error").asText(), run.toString());
    assertTrue(run.json().get("message").asText().contains("RAILWAY_API_TOKEN"), run.toString());
  }
}
