package dev.megaplan.cloud.cli;

import dev.megaplan.cloud.core.internal.yaml.HomeDirectory;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What the command line reads from the world outside its arguments: environment variables, the home
 * and working directories, the standard streams and whether a terminal is attached. Injected so
 * tests never touch the real process environment.
 *
 * @param env environment lookup (returns null for unset names)
 * @param home the user's home directory
 * @param workingDirectory the current directory, against which relative paths resolve
 * @param stdin standard input
 * @param stdout standard output as bytes, for commands that stream bytes ({@code redact}); the same
 *     destination as the command line's output writer, which such a command flushes first
 * @param interactive whether a terminal is attached (for prompts and progress)
 */
public record CliEnvironment(
    Function<String, String> env,
    Path home,
    Path workingDirectory,
    InputStream stdin,
    OutputStream stdout,
    boolean interactive) {

  /**
   * The real process environment. The home is {@code $HOME} when it is set and not empty, else
   * Java's {@code user.home}.
   *
   * @return the environment of this JVM
   */
  public static CliEnvironment system() {
    Map<String, String> env = System.getenv();
    return new CliEnvironment(
        env::get,
        HomeDirectory.userHome(env::get),
        Path.of("").toAbsolutePath(),
        System.in,
        new FileOutputStream(FileDescriptor.out),
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
