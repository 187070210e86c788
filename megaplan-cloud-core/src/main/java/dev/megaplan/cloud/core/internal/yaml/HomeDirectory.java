package dev.megaplan.cloud.core.internal.yaml;

import java.nio.file.Path;
import java.util.Objects;

/** Expands a leading {@code ~} against an injected home directory. */
public final class HomeDirectory {
  private final Path home;

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
