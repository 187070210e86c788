package dev.megaplan.cloud.core.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aNewFileIsReadableByAllAndNestedDirectoriesAreCreated() throws Exception {
    Path target = dir.resolve("a/b/cloud.yaml");
    AtomicFiles.write(target, "x".getBytes());
    assertEquals("x", Files.readString(target));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  @Test
  void anOverwriteKeepsTheFilesPermissionsAndLeavesNoTempFile() throws Exception {
    Path target = dir.resolve("marker.json");
    Files.writeString(target, "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    AtomicFiles.write(target, "new".getBytes());
    assertEquals("new", Files.readString(target));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void modeAndPermissionsAreInverses() {
    for (int mode : new int[] {0, 0600, 0644, 0755, 0777, 0640}) {
      assertEquals(mode, AtomicFileWriter.mode(AtomicFileWriter.permissions(mode)));
    }
  }
}
