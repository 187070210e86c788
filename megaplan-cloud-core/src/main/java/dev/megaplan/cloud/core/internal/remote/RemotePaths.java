package dev.megaplan.cloud.core.internal.remote;

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
   * Rejects a session name tmux would silently rewrite ({@code .} and {@code :} become {@code _}).
   */
  static String checkSession(String session) {
    if (session.isEmpty() || session.indexOf('.') >= 0 || session.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "tmux session names cannot be empty or contain '.' or ':' (tmux rewrites them): "
              + session);
    }
    return session;
  }
}
