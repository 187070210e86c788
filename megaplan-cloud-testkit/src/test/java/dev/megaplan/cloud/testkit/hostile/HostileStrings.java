package dev.megaplan.cloud.testkit.hostile;

import java.util.List;
import java.util.Random;

/**
 * Strings an adversary would put in a workspace, a box root or a session name: tmux formats ({@code
 * #(…)}, {@code #{…}}, {@code #[…]}), shell substitutions ({@code $(…)}, backticks), command
 * separators, quotes, spaces, unicode, and — in the unrestricted half — control characters, line
 * breaks and path segments that are not normalised. Every fragment that would run a command runs
 * {@code touch CANARY}, so a test sees any execution as a file that appears.
 */
public final class HostileStrings {
  private static final String SESSION_SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  private static final List<String> PLAIN =
      List.of(
          "#{session_name}",
          "#{pane_pid}",
          "#[fg=red]",
          "#",
          "##",
          "#(",
          "'",
          "\"",
          "\\",
          " ",
          "é",
          "🎉",
          "中",
          "$HOME",
          "${IFS}",
          "*",
          "?",
          "~",
          "-",
          "--",
          "%",
          "!",
          "=",
          ":",
          "@",
          ",",
          "{",
          "}",
          "[",
          "]",
          "a",
          "Z",
          "9",
          "_");
  private static final List<String> BREAKING =
      List.of(
          "\n",
          "\t",
          "\r",
          "\u0001",
          "\u001b[31m",
          "\u007f",
          "\u0085",
          ".",
          "..",
          "/",
          "//",
          "/./",
          "/../");

  private final Random random;

  /**
   * A generator.
   *
   * @param random the source of randomness (seeded by the test)
   */
  public HostileStrings(Random random) {
    this.random = random;
  }

  /**
   * A path tail (to append to an absolute directory after a {@code /}): half the time one made of
   * characters only (no control character, no {@code .}, {@code ..} or empty segment, no leading or
   * trailing {@code /}), which must be accepted; else anything.
   *
   * @param canary the file a command hidden in the tail would create
   * @return the tail, never empty
   */
  public String pathTail(String canary) {
    boolean restricted = random.nextBoolean();
    StringBuilder tail = new StringBuilder();
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      tail.append(fragment(canary, restricted));
    }
    return tail.toString();
  }

  /**
   * A session name: 40% from the safe set (letters, digits, {@code _}, {@code -}), which must be
   * accepted; else hostile fragments.
   *
   * @param canary the file a command hidden in the name would create
   * @return the name (possibly empty)
   */
  public String sessionName(String canary) {
    StringBuilder name = new StringBuilder();
    if (random.nextInt(10) < 4) {
      int length = random.nextInt(20) == 0 ? 128 : 1 + random.nextInt(24);
      for (int i = 0; i < length; i++) {
        name.append(SESSION_SAFE.charAt(random.nextInt(SESSION_SAFE.length())));
      }
      return name.toString();
    }
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      name.append(fragment(canary, false));
    }
    return name.toString();
  }

  private String fragment(String canary, boolean restricted) {
    int kind = random.nextInt(restricted ? 7 : 9);
    return switch (kind) {
      case 0 -> "#(touch " + canary + ")";
      case 1 -> "$(touch " + canary + ")";
      case 2 -> "`touch " + canary + "`";
      case 3 -> random.nextBoolean() ? ";touch " + canary + ";" : "&& touch " + canary + " #";
      case 7, 8 -> BREAKING.get(random.nextInt(BREAKING.size()));
      default -> PLAIN.get(random.nextInt(PLAIN.size()));
    };
  }

  /**
   * A YAML double-quoted scalar holding exactly the value: backslash, quote and every character
   * YAML does not allow raw (C0, DEL, C1, line and paragraph separators, BOM) escaped.
   *
   * @param value the value
   * @return the scalar, quotes included
   */
  public static String yamlQuoted(String value) {
    StringBuilder out = new StringBuilder("\"");
    value
        .codePoints()
        .forEach(
            cp -> {
              if (cp == '\\' || cp == '"') {
                out.append('\\').appendCodePoint(cp);
              } else if (cp < 0x20
                  || (cp >= 0x7f && cp <= 0x9f)
                  || cp == 0x2028
                  || cp == 0x2029
                  || cp == 0xFEFF) {
                out.append(String.format("\\u%04X", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.append('"').toString();
  }

  /**
   * A value written so that every character is visible, for failure messages.
   *
   * @param value the value
   * @return the value with control characters as {@code \\uXXXX}
   */
  public static String visible(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}
