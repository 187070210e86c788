package dev.megaplan.cloud.core.internal.shell;

import dev.megaplan.cloud.core.internal.chain.PosixPaths;
import java.util.Optional;

/**
 * The two rules a value must pass before it reaches a command on the box as a tmux session name or
 * as a directory: quoting makes a value safe for the shell, but tmux expands {@code #(…)}, {@code
 * #{…}} and {@code #[…]} in some of its own arguments ({@code new-session -s} and {@code -c},
 * {@code -n}), however the shell quoted them. The command builders therefore never give tmux a
 * directory (they {@code cd} into it and let tmux take the client's working directory), and give it
 * only session names from a set tmux reads literally.
 *
 * <ul>
 *   <li><b>Session names</b>: 1 to {@value #MAX_SESSION_LENGTH} characters, each an ASCII letter, a
 *       digit, {@code _} or {@code -}. No {@code #} (tmux formats), no {@code .} or {@code :} (tmux
 *       rewrites them to {@code _}), no {@code /} (the name is part of the session marker's file
 *       name), no spaces, quotes or control characters.
 *   <li><b>Paths</b> (workspaces, roots, logs, specs): absolute, normalised (no empty, {@code .} or
 *       {@code ..} segment and no trailing {@code /}, except for {@code /} itself) and free of
 *       control characters (C0, DEL, C1) and of lone surrogates. Any other character, {@code #},
 *       {@code $}, quotes and spaces included, is allowed: it reaches the box unchanged.
 * </ul>
 *
 * <p>Each check returns the problem in words, or empty when the value is fine; callers turn it into
 * their own error ({@code invalid_spec} at load, a supervisor's {@code refused_reason}…).
 */
public final class BoxValues {
  /** The longest session name accepted. */
  public static final int MAX_SESSION_LENGTH = 128;

  /** The characters a session name may use, in words. */
  public static final String SESSION_CHARACTERS = "ASCII letters, digits, '_' and '-'";

  private BoxValues() {}

  /**
   * What is wrong with a tmux session name.
   *
   * @param name the name
   * @return the problem, or empty when the name is safe
   */
  public static Optional<String> sessionProblem(String name) {
    if (name.isEmpty() || name.length() > MAX_SESSION_LENGTH) {
      return Optional.of(
          "must be 1 to " + MAX_SESSION_LENGTH + " characters of " + SESSION_CHARACTERS);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!safe) {
        return Optional.of(
            "must use only "
                + SESSION_CHARACTERS
                + " (tmux expands '#' and rewrites '.' and ':'), found "
                + describe(name.codePointAt(i))
                + " at position "
                + i);
      }
    }
    return Optional.empty();
  }

  /**
   * What is wrong with an absolute path on the box.
   *
   * @param path the path
   * @return the problem, or empty when the path is safe
   */
  public static Optional<String> pathProblem(String path) {
    Optional<String> text = textProblem(path);
    if (text.isPresent()) {
      return text;
    }
    if (!path.startsWith("/")) {
      return Optional.of("must be an absolute path (starting with /)");
    }
    String normalized = PosixPaths.normalize(path);
    if (!normalized.equals(path)) {
      return Optional.of(
          "must be normalised (no empty, '.' or '..' segment, no trailing '/'): "
              + "write "
              + normalized);
    }
    return Optional.empty();
  }

  /**
   * What is wrong with text that goes into a command: a control character or a lone surrogate.
   *
   * @param text the text
   * @return the problem, or empty when the text has neither
   */
  public static Optional<String> textProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return Optional.of(
            "must not contain control characters, found " + describe(c) + " at position " + i);
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("must be valid Unicode, found a lone surrogate at position " + i);
      }
    }
    return Optional.empty();
  }

  private static String describe(int codePoint) {
    String hex = String.format("U+%04X", codePoint);
    if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
      return hex;
    }
    return "'" + new String(Character.toChars(codePoint)) + "' (" + hex + ")";
  }
}
