package dev.megaplan.cloud.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.Mode;
import dev.megaplan.cloud.core.CloudYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarterTemplateTest {
  @TempDir Path dir;

  @Test
  void writtenTemplateLoadsWithoutError() throws IOException {
    Path file = Files.writeString(dir.resolve("cloud.yaml"), CloudYaml.starterTemplate());
    CloudConfig config = CloudYaml.load(file);
    assertEquals("railway", config.provider());
    assertEquals(Mode.IDLE, config.mode());
    assertEquals(List.of("OPENAI_API_KEY"), config.secrets());
  }

  @Test
  void templateMentionsEverySectionOfTheReference() {
    String template = CloudYaml.starterTemplate();
    for (String section :
        List.of(
            "provider:",
            "mode:",
            "repo:",
            "extra_repos:",
            "agents:",
            "codex:",
            "megaplan:",
            "auto:",
            "chain:",
            "chain_session:",
            "driver:",
            "resources:",
            "railway:",
            "local:",
            "ssh:",
            "host:",
            "secrets:",
            "toolchains:")) {
      assertTrue(template.contains(section), "template lacks " + section);
    }
  }

  @Test
  void everyCommentedOutSectionAlsoLoadsWhenUncommented() {
    String uncommented =
        CloudYaml.starterTemplate()
            .replace("# extra_repos:", "extra_repos:")
            .replace(
                "#   - url: https://github.com/your-org/shared-lib.git",
                "  - url: https://github.com/your-org/shared-lib.git")
            .replace("#     branch: main", "    branch: main")
            .replace(
                "#     workspace: /workspace/shared-lib", "    workspace: /workspace/shared-lib")
            .replace("# ssh:", "ssh:")
            .replace("#   host: build-box.example.com", "  host: build-box.example.com")
            .replace("#   port: 22", "  port: 22");
    CloudConfig config = CloudYaml.parse(uncommented);
    assertEquals("/workspace/shared-lib", config.extraRepos().get(0).workspace());
    assertEquals("build-box.example.com", config.ssh().orElseThrow().host());
  }
}
