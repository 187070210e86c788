package dev.megaplan.cloud.testkit.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flow collections of the YAML subset — {@code [a, b]}, {@code {label: m1, idea: x}}, nested — read
 * out of one logical line (the block reader joins the lines a collection spans).
 */
final class YamlFlowReader {
  private final String text;
  private final int lineNumber;
  private int at;

  YamlFlowReader(String text, int lineNumber) {
    this.text = text;
    this.lineNumber = lineNumber;
  }

  /** How many collections {@code text} opens and does not close (quotes respected). */
  static int depth(CharSequence text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        int end = YamlScalars.closingQuote(text.toString(), i);
        if (end < 0) {
          return depth;
        }
        i = end;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return depth;
  }

  /** The value at the current position; a key stops at its ':'. */
  Object value(boolean isKey) {
    skipSpaces();
    if (atEnd()) {
      throw fail("unexpected end of a flow collection");
    }
    char c = text.charAt(at);
    if (c == '[') {
      return list();
    }
    if (c == '{') {
      return map();
    }
    if (c == '"' || c == '\'') {
      int end = YamlScalars.closingQuote(text, at);
      if (end < 0) {
        throw fail("unterminated quoted scalar");
      }
      String quoted = text.substring(at, end + 1);
      at = end + 1;
      return YamlScalars.unquote(quoted, lineNumber);
    }
    if (c == '&' || c == '*' || c == '!') {
      throw fail("anchors, aliases and tags are not supported");
    }
    int start = at;
    while (!atEnd()) {
      char d = text.charAt(at);
      if (d == ',' || d == ']' || d == '}') {
        break;
      }
      if (isKey
          && d == ':'
          && (at + 1 == text.length() || " ,]}".indexOf(text.charAt(at + 1)) >= 0)) {
        break;
      }
      at++;
    }
    String plain = text.substring(start, at).trim();
    return isKey ? plain : YamlScalars.plain(plain);
  }

  private List<Object> list() {
    List<Object> list = new ArrayList<>();
    at++;
    while (true) {
      skipSpaces();
      if (peek() == ']') {
        at++;
        return list;
      }
      list.add(value(false));
      skipSpaces();
      char next = peek();
      at++;
      if (next == ']') {
        return list;
      }
      if (next != ',') {
        throw fail("expected ',' or ']' in a flow sequence");
      }
    }
  }

  private Map<String, Object> map() {
    Map<String, Object> map = new LinkedHashMap<>();
    at++;
    while (true) {
      skipSpaces();
      if (peek() == '}') {
        at++;
        return map;
      }
      String key = String.valueOf(value(true));
      skipSpaces();
      Object value = null;
      if (peek() == ':') {
        at++;
        skipSpaces();
        if (peek() != ',' && peek() != '}') {
          value = value(false);
        }
      }
      map.put(key, value);
      skipSpaces();
      char next = peek();
      at++;
      if (next == '}') {
        return map;
      }
      if (next != ',') {
        throw fail("expected ',' or '}' in a flow mapping");
      }
    }
  }

  void skipSpaces() {
    while (!atEnd() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
  }

  boolean atEnd() {
    return at >= text.length();
  }

  private char peek() {
    if (atEnd()) {
      throw fail("unterminated flow collection");
    }
    return text.charAt(at);
  }

  private IllegalArgumentException fail(String message) {
    return new IllegalArgumentException("line " + lineNumber + ": " + message);
  }
}
