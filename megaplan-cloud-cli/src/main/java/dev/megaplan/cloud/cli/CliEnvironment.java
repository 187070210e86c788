package dev.megaplan.cloud.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What the command line reads from the world outside its arguments: environment variables, the home
 * and working directories, standard input and whether a terminal is attached. Injected so tests
 * never touch the real process environment.
 *
 * @param env environment lookup (returns null for unset names)
 * @param home the user's home directory
 * @param workingDirectory the current directory, against which relative paths resolve
 * @param stdin standard input
 * @param interactive whether a terminal is attached (for prompts and progress)
 */
public record CliEnvironment(
    Function<String, String> env,
    Path home,
    Path workingDirectory,
    InputStream stdin,
    boolean interactive) {

  /**
   * The real process environment.
   *
   * @return the environment of this JVM
   */
  public static CliEnvironment system() {
    Map<String, String> env = System.getenv();
    return new CliEnvironment(
        env::get,
        Path.of(System.getProperty("user.home")),
        Path.of("").toAbsolutePath(),
        System.in,
        System.console() != null);
  }

  /**
   * Resolves a path the user typed against the working directory.
   *
   * @param userPath the path as given
   * @return an absolute, normalized path
   */
  public Path resolve(Path userPath) {
    return workingDirectory.resolve(userPath).toAbsolutePath().normalize();
  }
}
