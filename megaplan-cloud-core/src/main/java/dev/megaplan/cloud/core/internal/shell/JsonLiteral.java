package dev.megaplan.cloud.core.internal.shell;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * Encodes values as literals inside JSON documents and Python source built as text.
 *
 * <p>{@link #of(String)} writes exactly what Python's {@code json.dumps(value)} writes (its default
 * {@code ensure_ascii=True}): {@code \"}, {@code \\}, {@code \b \f \n \r \t}, every other character
 * outside printable ASCII as {@code \}{@code u} plus four lowercase hex digits, characters beyond
 * the Basic Multilingual Plane as a surrogate pair. The output is pure ASCII, so it survives any
 * transport encoding, and it is byte-identical to what megaplan and the Python tool write, which
 * lets a shell script find it with a plain substring match.
 *
 * <p>{@link #python(String)} is the same text except that a character beyond the BMP is written as
 * {@code \}{@code U} plus eight hex digits: in Python source a surrogate-pair escape would decode
 * to two lone surrogates, not to the character. Both forms agree for every BMP-only string.
 */
public final class JsonLiteral {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonLiteral() {}

  /**
   * A JSON string literal, identical to Python's {@code json.dumps(value)}.
   *
   * @param value the string
   * @return the literal, quotes included
   */
  public static String of(String value) {
    return encode(value, false);
  }

  /**
   * A Python string literal (valid in any source encoding: pure ASCII).
   *
   * @param value the string
   * @return the literal, quotes included
   */
  public static String python(String value) {
    return encode(value, true);
  }

  /**
   * A Python literal for an optional string: the string literal or {@code None}.
   *
   * @param value the value
   * @return the literal
   */
  public static String python(Optional<String> value) {
    return value.map(JsonLiteral::python).orElse("None");
  }

  /**
   * A Python literal for an optional integer: the decimal number or {@code None}.
   *
   * @param value the value
   * @return the literal
   */
  public static String python(OptionalLong value) {
    return value.isPresent() ? Long.toString(value.getAsLong()) : "None";
  }

  /**
   * A Python list literal of strings.
   *
   * @param values the strings
   * @return the literal, for example {@code ["a", "b"]}
   */
  public static String pythonList(List<String> values) {
    StringJoiner list = new StringJoiner(", ", "[", "]");
    values.forEach(v -> list.add(python(v)));
    return list.toString();
  }

  private static String encode(String value, boolean python) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else if (python
              && Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            int codePoint = Character.toCodePoint(c, value.charAt(++i));
            out.append("\\U");
            for (int shift = 28; shift >= 0; shift -= 4) {
              out.append(HEX[(codePoint >> shift) & 0xf]);
            }
          } else {
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
