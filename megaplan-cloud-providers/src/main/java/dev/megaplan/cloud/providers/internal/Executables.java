package dev.megaplan.cloud.providers.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds programs on a {@code PATH} value (never this JVM's own environment). */
public final class Executables {
  private Executables() {}

  /**
   * Looks a program up on a {@code PATH} value, then in {@code /usr/bin} and {@code /bin}.
   *
   * @param name the program name
   * @param path a colon-separated {@code PATH} value, may be null
   * @return the absolute path of the first executable found, or empty
   */
  public static Optional<String> find(String name, String path) {
    List<String> dirs = new ArrayList<>();
    if (path != null) {
      dirs.addAll(List.of(path.split(":")));
    }
    dirs.add("/usr/bin");
    dirs.add("/bin");
    return first(name, dirs);
  }

  /**
   * Looks a program up on a {@code PATH} value only: for the user's tools ({@code docker}, {@code
   * railway}), which a {@code PATH} without them means to leave out.
   *
   * @param name the program name
   * @param path a colon-separated {@code PATH} value; null or empty means {@code /usr/bin:/bin}
   * @return the absolute path of the first executable found, or empty
   */
  public static Optional<String> onPath(String name, String path) {
    return first(
        name,
        path == null || path.isEmpty() ? List.of("/usr/bin", "/bin") : List.of(path.split(":")));
  }

  private static Optional<String> first(String name, List<String> dirs) {
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }
}
