package dev.megaplan.cloud.core.internal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden deploy directories under {@code src/test/resources/golden/deploy/}. Run the test with
 * {@code -Dgolden.update=true} to rewrite them from what renders now, then review the diff.
 */
final class Golden {
  private static final Path ROOT = Path.of("src/test/resources/golden/deploy");

  private Golden() {}

  static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  static Path dir(String name) {
    return ROOT.resolve(name);
  }

  static List<String> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  static void replace(Path golden, Path rendered, Collection<String> files) throws IOException {
    if (Files.exists(golden)) {
      try (Stream<Path> walk = Files.walk(golden)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (String file : files) {
      Path target = golden.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(rendered.resolve(file), target);
    }
  }
}
