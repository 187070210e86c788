package dev.megaplan.cloud.core.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
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

  @Test
  void theUserHomeIsHomeWhenSet() {
    assertEquals(
        Path.of("/tmp/x"), HomeDirectory.userHome(Map.of("HOME", "/tmp/x")::get, "/home/ann"));
  }

  @Test
  void theUserHomeFallsBackToUserHomeWhenHomeIsUnsetOrEmpty() {
    assertEquals(
        Path.of("/home/ann"), HomeDirectory.userHome(Map.<String, String>of()::get, "/home/ann"));
    assertEquals(
        Path.of("/home/ann"), HomeDirectory.userHome(Map.of("HOME", "")::get, "/home/ann"));
  }

  @Test
  void aRelativeHomeIsTakenFromTheCurrentDirectory() {
    assertEquals(
        Path.of("rel").toAbsolutePath(), HomeDirectory.userHome(Map.of("HOME", "rel")::get, "/h"));
  }
}
