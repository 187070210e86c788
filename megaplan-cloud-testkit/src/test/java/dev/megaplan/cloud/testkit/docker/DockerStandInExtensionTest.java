package dev.megaplan.cloud.testkit.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerStandInExtension.class)
class DockerStandInExtensionTest {
  @Test
  void aFreshStandInWithAnEmptyJournalIsInjected(DockerStandIn docker) {
    assertTrue(Files.isExecutable(docker.bin().resolve("docker")));
    assertTrue(Files.isExecutable(docker.bin().resolve("docker-compose")));
    assertEquals(List.of(), docker.calls());
  }
}
