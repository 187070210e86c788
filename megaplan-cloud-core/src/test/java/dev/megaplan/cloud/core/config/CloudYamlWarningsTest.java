package dev.megaplan.cloud.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.LoadedConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudYamlWarningsTest {
  @TempDir Path dir;

  @Test
  void unknownTopLevelKeyIsAcceptedAndReportedWithItsPosition() throws IOException {
    Path file = Files.writeString(dir.resolve("cloud.yaml"), "provder: ssh\nrepo: {url: u}\n");
    LoadedConfig loaded = CloudYaml.inspect(file);
    assertEquals("railway", loaded.config().provider());
    assertEquals(List.of("unknown key 'provder' (cloud.yaml:1:1)"), loaded.warnings());
  }

  @Test
  void unknownKeysInsideKnownBlocksAreReportedByDottedPath() {
    LoadedConfig loaded =
        CloudYaml.loader()
            .inspect("repo: {url: u, brnach: dev}\nssh:\n  host: h\n  prot: 22\n", "cloud.yaml");
    assertEquals(
        List.of(
            "unknown key 'repo.brnach' (cloud.yaml:1:16)",
            "unknown key 'ssh.prot' (cloud.yaml:4:3)"),
        loaded.warnings());
  }

  @Test
  void knownFileHasNoWarnings() {
    assertEquals(
        List.of(),
        CloudYaml.loader().inspect(CloudYaml.starterTemplate(), "cloud.yaml").warnings());
  }

  @Test
  void warningsAreListedInFileOrder() {
    LoadedConfig loaded =
        CloudYaml.loader().inspect("zeta: 1\nrepo: {url: u}\nalpha: 2\n", "cloud.yaml");
    assertEquals(
        List.of("unknown key 'zeta' (cloud.yaml:1:1)", "unknown key 'alpha' (cloud.yaml:3:1)"),
        loaded.warnings());
  }
}
