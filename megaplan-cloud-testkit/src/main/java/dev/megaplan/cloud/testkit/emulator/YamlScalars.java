package dev.megaplan.cloud.testkit.emulator;

/**
 * Scalars of the YAML subset: resolving plain scalars to nulls, booleans, integers, floats or
 * strings, and reading quoted ones.
 */
final class YamlScalars {
  private YamlScalars() {}

  /** Resolves a plain scalar the way PyYAML's safe loader does for the common types. */
  static Object plain(String text) {
    switch (text) {
      case "":
      case "~":
      case "null":
      case "Null":
      case "NULL":
        return null;
      case "true":
      case "True":
      case "TRUE":
      case "yes":
      case "Yes":
      case "YES":
      case "on":
      case "On":
      case "ON":
        return Boolean.TRUE;
      case "false":
      case "False":
      case "FALSE":
      case "no":
      case "No":
      case "NO":
      case "off":
      case "Off":
      case "OFF":
        return Boolean.FALSE;
      default:
        break;
    }
    if (isInteger(text)) {
      try {
        return Long.parseLong(text.charAt(0) == '+' ? text.substring(1) : text);
      } catch (NumberFormatException tooLarge) {
        return text;
      }
    }
    if (isFloat(text)) {
      return Double.parseDouble(text);
    }
    return text;
  }

  private static boolean isInteger(String text) {
    int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isFloat(String text) {
    int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    int digits = 0;
    while (i < text.length() && Character.isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < text.length() && text.charAt(i) == '.') {
      i++;
      while (i < text.length() && Character.isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    } else {
      return false;
    }
    if (digits == 0) {
      return false;
    }
    if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int exponent = 0;
      while (i < text.length() && Character.isDigit(text.charAt(i))) {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        return false;
      }
    }
    return i == text.length();
  }

  /**
   * The value of a quoted scalar written on one line, quotes included: {@code ''} escapes a quote
   * in single quotes; double quotes take YAML's backslash escapes.
   */
  static String unquote(String quoted, int lineNumber) {
    String body = quoted.substring(1, quoted.length() - 1);
    if (quoted.charAt(0) == '\'') {
      return body.replace("''", "'");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      i++;
      char e = body.charAt(i);
      switch (e) {
        case 'n':
          sb.append('\n');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'r':
          sb.append('\r');
          break;
        case '0':
          sb.append('\0');
          break;
        case 'a':
          sb.append('\u0007');
          break;
        case 'b':
          sb.append('\b');
          break;
        case 'e':
          sb.append('\u001b');
          break;
        case 'f':
          sb.append('\f');
          break;
        case 'v':
          sb.append('\u000b');
          break;
        case ' ':
        case '"':
        case '/':
        case '\\':
          sb.append(e);
          break;
        case 'x':
          sb.append((char) hex(body, i + 1, 2, lineNumber));
          i += 2;
          break;
        case 'u':
          sb.append((char) hex(body, i + 1, 4, lineNumber));
          i += 4;
          break;
        case 'U':
          sb.appendCodePoint(hex(body, i + 1, 8, lineNumber));
          i += 8;
          break;
        default:
          throw new IllegalArgumentException(
              "line " + lineNumber + ": unsupported escape '\\" + e + "'");
      }
    }
    return sb.toString();
  }

  private static int hex(String text, int start, int length, int lineNumber) {
    try {
      return Integer.parseInt(text.substring(start, start + length), 16);
    } catch (RuntimeException malformed) {
      throw new IllegalArgumentException("line " + lineNumber + ": malformed escape");
    }
  }

  /** Index of the quote closing the one at {@code start}, or -1 when the line does not close it. */
  static int closingQuote(String text, int start) {
    char quote = text.charAt(start);
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }
}
