package dev.megaplan.cloud.core.internal.yaml;

import java.util.Locale;

/**
 * The directory name of a repository: the last path segment of its URL without {@code .git},
 * slugged like a chain slug (lower-cased, runs of characters outside {@code [A-Za-z0-9_.-]} become
 * {@code -}, leading and trailing {@code .}/{@code -} dropped, at most 48 characters), {@code app}
 * when nothing is left.
 */
public final class RepoDirName {
  private static final int MAX_LENGTH = 48;

  private RepoDirName() {}

  /**
   * The directory name for a repository URL.
   *
   * @param url for example {@code git@github.com:acme/web-app.git}
   * @return for example {@code web-app}
   */
  public static String of(String url) {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':'));
    String segment = trimmed.substring(cut + 1);
    if (segment.toLowerCase(Locale.ROOT).endsWith(".git")) {
      segment = segment.substring(0, segment.length() - 4);
    }
    String slug =
        segment
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^A-Za-z0-9_.-]+", "-")
            .replaceAll("^[.-]+|[.-]+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("[.-]+$", "");
    }
    return slug.isEmpty() ? "app" : slug;
  }
}
