package dev.megaplan.cloud.providers.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.megaplan.cloud.core.internal.io.AtomicFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void aWriteThatFailsMidwayLeavesThePreviousFileAndNoTempFile() throws Exception {
    Path target = dir.resolve("state.json");
    Files.writeString(target, "previous");
    AtomicFileWriter failing =
        new AtomicFileWriter(
            (out, content) -> {
              out.write(content, 0, content.length / 2);
              throw new IOException("disk full");
            });

    IOException failure =
        assertThrows(
            IOException.class,
            () -> failing.write(target, "replacement".getBytes(StandardCharsets.UTF_8), 0644));

    assertEquals("disk full", failure.getMessage());
    assertEquals("previous", Files.readString(target));
    assertEquals(List.of("state.json"), names());
  }

  @Test
  void theModeIsAppliedExactlyWhateverTheUmask() throws Exception {
    Path target = dir.resolve("a/b/secret");
    new AtomicFileWriter().write(target, new byte[] {0, 1, 2}, 0600);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    new AtomicFileWriter().write(target, new byte[] {3}, 0775);
    assertEquals("rwxrwxr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }
}
