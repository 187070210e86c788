package dev.megaplan.cloud.core.internal.shell;

import java.util.List;
import java.util.StringJoiner;

/**
 * The one quoting function for POSIX shell text. A value is wrapped in single quotes and every
 * {@code '} inside it becomes {@code '"'"'}, so {@code sh}, {@code dash} and {@code bash} read it
 * back byte for byte: no expansion, globbing, history or word splitting applies inside single
 * quotes.
 *
 * <p>A NUL character cannot be quoted: the argument vector of a process is a list of NUL-terminated
 * C strings, so no shell word can carry one. {@link #quote(String)} rejects it instead of silently
 * truncating the value.
 */
public final class ShellQuote {
  private ShellQuote() {}

  /**
   * Quotes one value as a single shell word.
   *
   * @param value any string without NUL
   * @return the quoted word, {@code ''} for the empty string
   * @throws IllegalArgumentException when the value contains NUL
   */
  public static String quote(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a shell word cannot carry a NUL character");
    }
    return "'" + value.replace("'", "'\"'\"'") + "'";
  }

  /**
   * Quotes each value and joins the words with single spaces.
   *
   * @param values the words
   * @return shell text naming exactly these words
   */
  public static String join(List<String> values) {
    StringJoiner joined = new StringJoiner(" ");
    for (String value : values) {
      joined.add(quote(value));
    }
    return joined.toString();
  }

  /**
   * A shell variable assignment {@code name='value'}.
   *
   * @param name a shell identifier
   * @param value the value
   * @return the assignment text
   */
  public static String assign(String name, String value) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a shell identifier: " + name);
    }
    return name + "=" + quote(value);
  }
}
