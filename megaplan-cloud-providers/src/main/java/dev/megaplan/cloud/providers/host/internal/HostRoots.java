package dev.megaplan.cloud.providers.host.internal;

import java.nio.file.Path;
import java.util.Locale;

/** The host box's root: its default location and the translation of {@code /workspace} paths. */
public final class HostRoots {
  /** The box path that the host root stands for. */
  public static final String WORKSPACE = "/workspace";

  private static final int SLUG_LIMIT = 48;

  private HostRoots() {}

  /**
   * {@code <home>/.megaplan/cloud/host/<repo dir>}.
   *
   * @param home the local home
   * @param repoUrl the primary repository's URL
   * @return the default root
   */
  public static Path defaultRoot(Path home, String repoUrl) {
    return home.resolve(".megaplan").resolve("cloud").resolve("host").resolve(repoDir(repoUrl));
  }

  /**
   * The repository directory name of a URL: the last path segment without {@code .git}, slugged
   * ({@code app} if empty).
   *
   * @param repoUrl a git URL such as {@code https://github.com/o/My App.git} or {@code git@h:o/r}
   * @return the slug
   */
  public static String repoDir(String repoUrl) {
    String trimmed = repoUrl.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':'));
    String last = trimmed.substring(cut + 1);
    if (last.endsWith(".git")) {
      last = last.substring(0, last.length() - ".git".length());
    }
    String slug = slug(last);
    return slug.isEmpty() ? "app" : slug;
  }

  /**
   * Lower-cases, replaces every run of characters outside {@code [A-Za-z0-9_.-]} by {@code -},
   * strips leading and trailing {@code .}/{@code -} and cuts to 48 characters (03 §2).
   *
   * @param text any text
   * @return the slug, possibly empty
   */
  public static String slug(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^A-Za-z0-9_.-]+", "-");
    slug = slug.replaceAll("^[.-]+", "").replaceAll("[.-]+$", "");
    if (slug.length() > SLUG_LIMIT) {
      slug = slug.substring(0, SLUG_LIMIT);
    }
    return slug;
  }

  /**
   * Translates a configured path: {@code /workspace} and {@code /workspace/...} map under the root,
   * any other path is returned as written.
   *
   * @param root the root as an absolute path string
   * @param configuredPath the path as the user wrote it
   * @return the path on this machine
   */
  public static String toLocal(String root, String configuredPath) {
    if (configuredPath.equals(WORKSPACE)) {
      return root;
    }
    if (configuredPath.startsWith(WORKSPACE + "/")) {
      return root + configuredPath.substring(WORKSPACE.length());
    }
    return configuredPath;
  }
}
