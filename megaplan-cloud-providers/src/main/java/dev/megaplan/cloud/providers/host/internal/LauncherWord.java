package dev.megaplan.cloud.providers.host.internal;

import java.util.Optional;

/**
 * The program a launcher fragment runs: its first word after leading {@code NAME=value}
 * assignments, with the shell's single quotes, double quotes and backslashes undone. {@code python
 * -m arnold.pipelines.megaplan} → {@code python}; {@code '/opt/my tools/mp' chain} → {@code /opt/my
 * tools/mp}.
 */
public final class LauncherWord {
  private LauncherWord() {}

  /**
   * Extracts the program.
   *
   * @param launcher the launcher fragment
   * @return the program, or empty when the fragment has none
   */
  public static Optional<String> program(String launcher) {
    int[] position = {0};
    while (true) {
      Optional<String> word = nextWord(launcher, position);
      if (word.isEmpty()) {
        return Optional.empty();
      }
      if (!word.get().matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        return word;
      }
    }
  }

  private static Optional<String> nextWord(String text, int[] position) {
    int i = position[0];
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= text.length()) {
      return Optional.empty();
    }
    StringBuilder word = new StringBuilder();
    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
      char c = text.charAt(i);
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        end = end < 0 ? text.length() : end;
        word.append(text, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            i++;
          }
          word.append(text.charAt(i));
          i++;
        }
        i++;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    position[0] = i;
    return Optional.of(word.toString());
  }
}
