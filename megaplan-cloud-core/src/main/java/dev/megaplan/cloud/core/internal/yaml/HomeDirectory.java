package dev.megaplan.cloud.core.internal.yaml;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Expands a leading {@code ~} against an injected home directory, and knows where the user's home
 * is: {@code $HOME} when it is set and not empty (as every Unix tool, and the Python tool, reads
 * it), else Java's {@code user.home} (the passwd entry).
 */
public final class HomeDirectory {
  private final Path home;

  /**
   * The user's home directory: {@code $HOME} from {@code environment} when set and not empty, else
   * the {@code user.home} system property.
   *
   * @param environment environment lookup (returns null for unset names)
   * @return the home directory, absolute
   */
  public static Path userHome(Function<String, String> environment) {
    return userHome(environment, System.getProperty("user.home"));
  }

  /**
   * The user's home directory: {@code $HOME} when set and not empty, else {@code fallback}.
   *
   * @param environment environment lookup (returns null for unset names)
   * @param fallback the home to use without {@code $HOME} (Java's {@code user.home})
   * @return the home directory, absolute
   */
  public static Path userHome(Function<String, String> environment, String fallback) {
    String home = environment.apply("HOME");
    String chosen = home == null || home.isEmpty() ? fallback : home;
    return Path.of(Objects.requireNonNull(chosen, "user.home")).toAbsolutePath();
  }

  /**
   * Uses a home directory.
   *
   * @param home the user's home directory
   */
  public HomeDirectory(Path home) {
    this.home = Objects.requireNonNull(home, "home");
  }

  /**
   * The home directory.
   *
   * @return the path
   */
  public Path path() {
    return home;
  }

  /**
   * Expands {@code ~} and {@code ~/rest}; other text (including {@code ~user}) is returned as is.
   *
   * @param raw a path as written
   * @return the expanded path text
   */
  public String expand(String raw) {
    if (raw.equals("~")) {
      return home.toString();
    }
    if (raw.startsWith("~/")) {
      return home.resolve(raw.substring(2)).toString();
    }
    return raw;
  }
}
