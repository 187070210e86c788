package dev.megaplan.cloud.core.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HomeDirectoryTest {
  private final HomeDirectory home = new HomeDirectory(Path.of("/home/ann"));

  @Test
  void bareTildeIsTheHomeDirectory() {
    assertEquals("/home/ann", home.expand("~"));
  }

  @Test
  void tildeSlashIsResolvedUnderHome() {
    assertEquals("/home/ann/.ssh/id_rsa", home.expand("~/.ssh/id_rsa"));
  }

  @Test
  void otherUsersTildeIsLeftAlone() {
    assertEquals("~bob/.ssh/id_rsa", home.expand("~bob/.ssh/id_rsa"));
  }

  @Test
  void pathsWithoutTildeAreLeftAlone() {
    assertEquals("/etc/ssh/known_hosts", home.expand("/etc/ssh/known_hosts"));
    assertEquals("keys/id", home.expand("keys/id"));
  }
}
