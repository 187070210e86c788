package dev.megaplan.cloud.core.internal.remote;

import dev.megaplan.cloud.core.internal.shell.BoxValues;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;

/** Lexical helpers for absolute POSIX paths on the box; nothing here touches the box. */
final class RemotePaths {
  private RemotePaths() {}

  /**
   * The parent directory of an absolute path: {@code /a/b/c} gives {@code /a/b}, {@code /a} gives
   * {@code /}.
   */
  static String parent(String path) {
    String trimmed = path;
    while (trimmed.length() > 1 && trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    int slash = trimmed.lastIndexOf('/');
    if (slash < 0) {
      return ".";
    }
    return slash == 0 ? "/" : trimmed.substring(0, slash);
  }

  /**
   * Rejects a session name outside the safe set of {@link BoxValues#sessionProblem(String)}.
   *
   * @param session the name
   * @return the name
   * @throws IllegalArgumentException naming the problem
   */
  static String checkSession(String session) {
    BoxValues.sessionProblem(session)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(
                  "tmux session name " + JsonLiteral.of(session) + " " + problem);
            });
    return session;
  }

  /**
   * Rejects a path that is not absolute, normalised and free of control characters ({@link
   * BoxValues#pathProblem(String)}).
   *
   * @param what what the path is, for the message ({@code workspace})
   * @param path the path
   * @return the path
   * @throws IllegalArgumentException naming the problem
   */
  static String checkPath(String what, String path) {
    BoxValues.pathProblem(path)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(what + " " + JsonLiteral.of(path) + " " + problem);
            });
    return path;
  }
}
