package dev.megaplan.cloud.core.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;

/**
 * A program a test cannot do without, that the README's test command ({@code bin/test}) installs. A
 * test asks for it with {@link #require(String, String)} and fails, never skips, when it is
 * missing, with a message that names the Debian package and {@code bin/test}. (The core module's
 * copy of the testkit's {@code RequiredTool}: core's tests cannot depend on the testkit.)
 */
public final class RequiredTool {
  private static final List<Path> SYSTEM_DIRS = List.of(Path.of("/usr/sbin"), Path.of("/sbin"));

  private RequiredTool() {}

  /**
   * Finds a program on the {@code PATH} (and in {@code /usr/sbin}, {@code /sbin} for daemons), or
   * fails the test.
   *
   * @param command the program's name, for example {@code shellcheck}
   * @param debianPackage the Debian package that provides it
   * @return the program's path
   */
  public static Path require(String command, String debianPackage) {
    return require(command, debianPackage, System.getenv("PATH"));
  }

  /**
   * As {@link #require(String, String)}, searching another {@code PATH}.
   *
   * @param command the program's name
   * @param debianPackage the Debian package that provides it
   * @param path the search path
   * @return the program's path
   */
  public static Path require(String command, String debianPackage, String path) {
    return find(command, path)
        .orElseGet(() -> Assertions.fail(missingMessage(command, debianPackage, path)));
  }

  /**
   * The failure message for a missing program.
   *
   * @param command the program
   * @param debianPackage its Debian package
   * @param path the {@code PATH} searched
   * @return the message
   */
  public static String missingMessage(String command, String debianPackage, String path) {
    return command
        + " is not installed (not on PATH="
        + path
        + "): this test needs it. Run the tests with bin/test, which installs the Debian package "
        + debianPackage
        + " (as root, or names it and stops), or install it: sudo apt-get install "
        + debianPackage;
  }

  /**
   * Finds an executable program on a search path (and in the system directories).
   *
   * @param command the program's name
   * @param path a {@code PATH} value, may be null
   * @return its path, if found
   */
  public static Optional<Path> find(String command, String path) {
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
          return Optional.of(Path.of(dir, command));
        }
      }
    }
    for (Path dir : SYSTEM_DIRS) {
      if (Files.isExecutable(dir.resolve(command))) {
        return Optional.of(dir.resolve(command));
      }
    }
    return Optional.empty();
  }
}
