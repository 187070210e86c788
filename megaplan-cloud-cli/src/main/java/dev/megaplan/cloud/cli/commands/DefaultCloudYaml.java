package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where cloud.yaml is when {@code --cloud-yaml} is not given: in the project root, which is the git
 * root (the nearest directory, from the current one up, with a {@code .git} entry) when it holds a
 * {@code .megaplan/} directory, else the nearest directory from the current one up that holds
 * {@code .megaplan/}, else the current directory. The home directory's own {@code ~/.megaplan/}
 * (where the local markers live) does not make the home a project root, nor does a {@code
 * .megaplan/} in the file system's root. {@code init} writes there, and every other command reads
 * from there, so a command works from any subdirectory of a project.
 */
final class DefaultCloudYaml {
  static final String FILE_NAME = "cloud.yaml";

  private DefaultCloudYaml() {}

  /**
   * The default cloud.yaml path.
   *
   * @param workingDirectory the current directory, absolute
   * @param home the user's home directory (its {@code .megaplan/} marks no project)
   * @return the project root's cloud.yaml, absolute
   */
  static Path locate(Path workingDirectory, Path home) {
    return projectRoot(workingDirectory.toAbsolutePath().normalize(), home).resolve(FILE_NAME);
  }

  private static Path projectRoot(Path start, Path home) {
    Path normalizedHome = home.toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        if (isProject(dir, normalizedHome)) {
          return dir;
        }
        break;
      }
    }
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (isProject(dir, normalizedHome)) {
        return dir;
      }
    }
    return start;
  }

  private static boolean isProject(Path dir, Path home) {
    return !dir.equals(home)
        && dir.getParent() != null
        && Files.isDirectory(dir.resolve(".megaplan"));
  }

  /**
   * The failure for a cloud.yaml that does not exist.
   *
   * @param file the path looked at
   * @return an {@code invalid_spec} failure that says how to get one
   */
  static CloudException notFound(Path file) {
    return new CloudException(
        ErrorCode.INVALID_SPEC,
        "spec file not found: "
            + file
            + "; run `megaplan-cloud init` to write a starter cloud.yaml there, or pass"
            + " --cloud-yaml PATH",
        Map.of("cloud_yaml", file.toString()));
  }
}
