package dev.megaplan.cloud.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.internal.io.AtomicFileWriter;
import dev.megaplan.cloud.core.internal.io.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeployDirectoryTest {
  @TempDir Path temp;

  static Stream<Arguments> modesAndTargets() {
    List<Arguments> cases = new ArrayList<>();
    Map<String, Function<String, CloudConfig>> modes =
        Map.of(
            "auto",
            DeployConfigs::auto,
            "chain",
            DeployConfigs::chain,
            "idle",
            DeployConfigs::idle);
    for (String mode : List.of("auto", "chain", "idle")) {
      for (DeployDirectory.Target target : DeployDirectory.Target.values()) {
        cases.add(Arguments.of(mode, target, modes.get(mode).apply(target.wireName())));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("modesAndTargets")
  void rendersTheGoldenFiles(String mode, DeployDirectory.Target target, CloudConfig config)
      throws IOException {
    Path dir = temp.resolve("deploy");
    RenderedDeployDir rendered = DeployDirectory.render(config, target, dir);
    Path golden = Golden.dir(mode + "-" + target.wireName());
    if (Golden.updating()) {
      Golden.replace(golden, dir, rendered.sha256ByFile().keySet());
    }
    List<String> expected = Golden.files(golden);
    assertEquals(
        expected, List.copyOf(rendered.sha256ByFile().keySet()).stream().sorted().toList());
    for (String file : expected) {
      assertEquals(
          Files.readString(golden.resolve(file)),
          Files.readString(dir.resolve(file)),
          "golden " + mode + "-" + target.wireName() + "/" + file);
    }
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("modesAndTargets")
  void everyShellScriptParsesWithBashN(
      String mode, DeployDirectory.Target target, CloudConfig config) throws Exception {
    RenderedDeployDir rendered = DeployDirectory.render(config, target, temp.resolve("d"));
    for (String file : rendered.sha256ByFile().keySet()) {
      if (file.endsWith(".sh")) {
        Proc result = Proc.run(List.of("bash", "-n", rendered.dir().resolve(file).toString()));
        assertEquals(0, result.exit(), file + ": " + result.output());
      }
    }
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("modesAndTargets")
  void everyShellScriptPassesShellcheckWhenInstalled(
      String mode, DeployDirectory.Target target, CloudConfig config) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/shellcheck")),
        "shellcheck is not installed (.ci/run installs it from Debian's shellcheck package)");
    RenderedDeployDir rendered = DeployDirectory.render(config, target, temp.resolve("d"));
    for (String file : rendered.sha256ByFile().keySet()) {
      if (file.endsWith(".sh")) {
        Proc result =
            Proc.run(
                List.of(
                    "/usr/bin/shellcheck",
                    "--shell=bash",
                    "--severity=warning",
                    rendered.dir().resolve(file).toString()));
        assertEquals(0, result.exit(), file + ":\n" + result.output());
      }
    }
  }

  @Test
  void theStepsBeginWithDockerfileAndEntrypointAndCarryTheirDigests() throws IOException {
    RenderedDeployDir rendered =
        DeployDirectory.render(
            DeployConfigs.idle("local"), DeployDirectory.Target.LOCAL, temp.resolve("d"));
    List<String> names = rendered.steps().stream().map(DeployStep::name).toList();
    assertEquals(
        List.of(
            "render Dockerfile",
            "render entrypoint.sh",
            "render healthserver.py",
            "render docker-compose.yaml",
            "render wrappers/run-in-tmux.sh",
            "render wrappers/supervise-with-backoff.sh",
            "render wrappers/chain.sh",
            "render wrappers/heartbeat.sh"),
        names);
    DeployStep entrypoint = rendered.steps().get(1);
    assertEquals("ok", entrypoint.status());
    Path file = rendered.dir().resolve("entrypoint.sh");
    assertEquals(
        Digests.sha256Hex(Files.readString(file, StandardCharsets.UTF_8)),
        entrypoint.metadata().get("sha256"));
    assertEquals(file.toString(), entrypoint.metadata().get("path"));
  }

  @Test
  void scriptsAreExecutableAndTheRestIsNot() throws IOException {
    RenderedDeployDir rendered =
        DeployDirectory.render(
            DeployConfigs.idle("railway"), DeployDirectory.Target.RAILWAY, temp.resolve("d"));
    Path dir = rendered.dir();
    assertEquals(0755, mode(dir.resolve("entrypoint.sh")));
    assertEquals(0755, mode(dir.resolve("wrappers/heartbeat.sh")));
    assertEquals(0644, mode(dir.resolve("Dockerfile")));
    assertEquals(0644, mode(dir.resolve("railway.toml")));
  }

  @Test
  void reRenderingIsByteIdentical() throws IOException {
    CloudConfig config = DeployConfigs.auto("ssh");
    RenderedDeployDir first = DeployDirectory.render(config, DeployDirectory.Target.SSH, temp);
    Map<String, byte[]> bytes = new java.util.HashMap<>();
    for (String file : first.sha256ByFile().keySet()) {
      bytes.put(file, Files.readAllBytes(temp.resolve(file)));
    }
    RenderedDeployDir second =
        DeployDirectory.render(DeployConfigs.auto("ssh"), DeployDirectory.Target.SSH, temp);
    assertEquals(first.sha256ByFile(), second.sha256ByFile());
    for (String file : second.sha256ByFile().keySet()) {
      assertTrue(
          java.util.Arrays.equals(bytes.get(file), Files.readAllBytes(temp.resolve(file))), file);
    }
  }

  @Test
  void filesOfAnotherTargetRenderedBeforeAreRemovedAndOthersKept() throws IOException {
    Path dir = temp.resolve("d");
    DeployDirectory.render(DeployConfigs.idle("local"), DeployDirectory.Target.LOCAL, dir);
    Files.writeString(dir.resolve(".env"), "PORT=8080\n");
    Files.createDirectories(dir.resolve("work"));
    assertTrue(Files.exists(dir.resolve("docker-compose.yaml")));
    DeployDirectory.render(DeployConfigs.idle("railway"), DeployDirectory.Target.RAILWAY, dir);
    assertFalse(Files.exists(dir.resolve("docker-compose.yaml")), "stale compose file removed");
    assertTrue(Files.exists(dir.resolve("railway.toml")));
    assertTrue(Files.exists(dir.resolve(".env")), "a file never rendered is left alone");
    assertTrue(Files.isDirectory(dir.resolve("work")));
  }

  @Test
  void anUnreplacedPlaceholderFailsNamingIt() {
    Template template = Template.of("x.tmpl", "a {{known}} b {{missing_one}} c {{ other }}");
    CloudException e =
        assertThrows(CloudException.class, () -> template.render(Map.of("known", "k")));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertTrue(e.getMessage().contains("{{missing_one}}"), e.getMessage());
    assertTrue(e.getMessage().contains("{{other}}"), e.getMessage());
    assertTrue(e.getMessage().contains("x.tmpl"), e.getMessage());
  }

  @Test
  void everyTemplatePlaceholderHasAValueForEveryTarget() {
    for (DeployDirectory.Target target : DeployDirectory.Target.values()) {
      Map<String, String> files =
          DeployDirectory.files(DeployConfigs.auto(target.wireName()), target);
      for (Map.Entry<String, String> file : files.entrySet()) {
        if (!file.getKey().equals("Dockerfile")) {
          assertFalse(file.getValue().contains("{{"), file.getKey() + " kept a placeholder");
        }
      }
    }
  }

  @Test
  void aCustomToolchainIsInsertedVerbatimAndAliasesUseTheirRecipes() {
    String dockerfile =
        DeployDirectory.files(DeployConfigs.auto("railway"), DeployDirectory.Target.RAILWAY)
            .get("Dockerfile");
    assertTrue(
        dockerfile.contains(
            "RUN curl -fsSL https://example.com/tool/install.sh | bash\n"
                + "ENV TOOL_HOME=\"/opt/tool\" MARK={{not-a-placeholder}}\n"),
        dockerfile);
    assertTrue(dockerfile.contains("# toolchain: rust\n"), dockerfile);
    String chain =
        DeployDirectory.files(DeployConfigs.chain("railway"), DeployDirectory.Target.RAILWAY)
            .get("Dockerfile");
    assertTrue(chain.contains("golang-go"), chain);
    assertTrue(chain.contains("openjdk-17-jdk-headless"), chain);
  }

  @Test
  void imageBaseIsTheDockerfilesFromAndUbuntuByDefault() {
    String plain =
        DeployDirectory.files(
                CloudYaml.parse(
                    "provider: ssh\nrepo: {url: https://x.invalid/a.git}\nssh: {host: h.example}\n"),
                DeployDirectory.Target.SSH)
            .get("Dockerfile");
    assertTrue(plain.contains("\nFROM ubuntu:24.04\n"), plain);
    String mirrored =
        DeployDirectory.files(
                CloudYaml.parse(
                    "provider: ssh\nrepo: {url: https://x.invalid/a.git}\nssh: {host: h.example}\n"
                        + "image: {base: mirror.example:5000/base/ubuntu:24.04}\n"),
                DeployDirectory.Target.SSH)
            .get("Dockerfile");
    assertTrue(mirrored.contains("\nFROM mirror.example:5000/base/ubuntu:24.04\n"), mirrored);
    assertFalse(mirrored.contains("FROM ubuntu"), mirrored);
  }

  @Test
  void imageRefMakesTheComposeServiceRunThatImageInsteadOfBuildingOne() {
    String built =
        DeployDirectory.files(
                CloudYaml.parse("provider: local\nrepo: {url: https://x.invalid/a.git}\n"),
                DeployDirectory.Target.LOCAL)
            .get("docker-compose.yaml");
    assertTrue(built.contains("\n    build: .\n"), built);
    assertFalse(built.contains("image:"), built);
    String prebuilt =
        DeployDirectory.files(
                CloudYaml.parse(
                    "provider: local\nrepo: {url: https://x.invalid/a.git}\n"
                        + "image: {ref: registry.example/team/runner:1.2}\n"),
                DeployDirectory.Target.LOCAL)
            .get("docker-compose.yaml");
    assertTrue(prebuilt.contains("\n    image: \"registry.example/team/runner:1.2\"\n"), prebuilt);
    assertFalse(prebuilt.contains("build:"), prebuilt);
  }

  @Test
  void codexAuthChatgptWritesTheForcingBlockAndApikeyOmitsIt() {
    String chatgpt =
        DeployDirectory.files(DeployConfigs.auto("local"), DeployDirectory.Target.LOCAL)
            .get("entrypoint.sh");
    assertTrue(chatgpt.contains("preferred_auth_method = \"chatgpt\""), chatgpt);
    String apikey =
        DeployDirectory.files(DeployConfigs.chain("local"), DeployDirectory.Target.LOCAL)
            .get("entrypoint.sh");
    assertFalse(apikey.contains("preferred_auth_method"), apikey);
    assertTrue(
        apikey.contains("model = \"gpt-5.4-mini\"\nmodel_reasoning_effort = \"medium\"\nTOML"));
  }

  @Test
  void everyStepIsRoutedToItsAgent() {
    String entrypoint =
        DeployDirectory.files(DeployConfigs.auto("local"), DeployDirectory.Target.LOCAL)
            .get("entrypoint.sh");
    for (String step : dev.megaplan.cloud.api.config.AgentsConfig.STEPS) {
      String agent = step.equals("plan") || step.equals("review") ? "claude" : "codex";
      assertTrue(
          entrypoint.contains(
              "python -m arnold.pipelines.megaplan config set 'agents."
                  + step
                  + "' '"
                  + agent
                  + "'"),
          step);
    }
  }

  @Test
  void theComposeFileMountsTheWorkdirOnTheWorkspace() {
    String compose =
        DeployDirectory.files(DeployConfigs.idle("local"), DeployDirectory.Target.LOCAL)
            .get("docker-compose.yaml");
    assertTrue(compose.contains("      - \"./work:/workspace/app\"\n"), compose);
    assertTrue(compose.contains("    env_file: .env\n"), compose);
    assertTrue(compose.contains("      - \"8080:8080\"\n"), compose);
    assertTrue(compose.contains("    working_dir: \"/workspace/app\"\n"), compose);
  }

  private static int mode(Path file) throws IOException {
    return AtomicFileWriter.mode(Files.getPosixFilePermissions(file));
  }
}
