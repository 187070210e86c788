package dev.megaplan.cloud.testkit.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory the emulator was started in, under both of its names: the physical one the JVM
 * reports (symlinks resolved, what Python's {@code os.getcwd()} gives megaplan) and the logical
 * {@code $PWD} a shell kept (symlinks as typed), when they are the same directory.
 */
final class WorkingDirectory {
  private final Path physical;
  private final Path logical;

  private WorkingDirectory(Path physical, Path logical) {
    this.physical = physical;
    this.logical = logical;
  }

  /** The process's working directory. */
  static WorkingDirectory current() {
    Path physical = Path.of(System.getProperty("user.dir"));
    String pwd = System.getenv("PWD");
    Path logical = null;
    if (pwd != null && pwd.startsWith("/")) {
      try {
        Path candidate = Path.of(pwd).normalize();
        if (!candidate.equals(physical) && Files.isSameFile(candidate, physical)) {
          logical = candidate;
        }
      } catch (IOException | RuntimeException notTheSame) {
        logical = null;
      }
    }
    return new WorkingDirectory(physical, logical);
  }

  /** A working directory with one name (tests, and paths without symlinks). */
  static WorkingDirectory of(Path directory) {
    return new WorkingDirectory(directory, null);
  }

  /** The physical path, against which relative spec paths are made absolute. */
  Path physical() {
    return physical;
  }

  /** Every name of the directory: the logical one first when it differs. */
  List<Path> names() {
    List<Path> names = new ArrayList<>(2);
    if (logical != null) {
      names.add(logical);
    }
    names.add(physical);
    return names;
  }
}
