package dev.megaplan.cloud.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class RequiredToolTest {
  @TempDir Path dir;

  @Test
  void aMissingToolFailsTheTestNamingThePackageAndBinTest() {
    // an AssertionFailedError is a failure; a skip would be a TestAbortedException
    AssertionFailedError failure =
        assertThrows(
            AssertionFailedError.class,
            () -> RequiredTool.require("no-such-tool-here", "no-such-package", dir.toString()));
    assertTrue(
        failure.getMessage().contains("no-such-tool-here is not installed"), failure.getMessage());
    assertTrue(failure.getMessage().contains("bin/test"), failure.getMessage());
    assertTrue(
        failure.getMessage().contains("apt-get install no-such-package"), failure.getMessage());
  }

  @Test
  void anExecutableOnThePathIsFound() throws Exception {
    Path tool = dir.resolve("bin/mytool");
    Files.createDirectories(tool.getParent());
    Files.writeString(tool, "#!/bin/sh\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertEquals(
        tool,
        RequiredTool.require("mytool", "mypackage", dir.resolve("empty") + ":" + tool.getParent()));
  }

  @Test
  void aFileThatIsNotExecutableDoesNotCount() throws Exception {
    Path tool = dir.resolve("bin/mytool");
    Files.createDirectories(tool.getParent());
    Files.writeString(tool, "#!/bin/sh\n");
    assertTrue(RequiredTool.find("mytool", tool.getParent().toString()).isEmpty());
  }
}
