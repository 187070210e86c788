package dev.megaplan.cloud.core.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PosixPathsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/workspace/app, /workspace/app",
    "/workspace/app/, /workspace/app",
    "//workspace///app, /workspace/app",
    "/workspace/./app, /workspace/app",
    "/workspace/lib/../app, /workspace/app",
    "/, /",
    "/.., /"
  })
  void normalizesLexically(String path, String expected) {
    assertEquals(expected, PosixPaths.normalize(path));
  }
}
