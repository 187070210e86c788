package dev.megaplan.cloud.testkit.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML subset chain specs use into {@link LinkedHashMap}, {@link ArrayList}, {@link
 * String}, {@link Long}, {@link Double}, {@link Boolean} and {@code null}.
 *
 * <p>Supported: block mappings and sequences, nested, including sequences written at their key's
 * indentation; flow sequences {@code [a, b]} and flow mappings {@code {label: m1, idea: x}}
 * (nested, and spanning lines); plain, single- and double-quoted scalars; literal ({@code |}) and
 * folded ({@code >}) block scalars; comments; a leading {@code ---}; YAML 1.1 booleans (as PyYAML
 * reads them), integers, floats and nulls. Anchors, aliases, tags, complex keys and multi-line
 * plain or quoted scalars are refused with the line number, never misread.
 */
final class YamlSubsetReader {
  private final List<String> lines;
  private int pos;

  private YamlSubsetReader(List<String> lines) {
    this.lines = lines;
  }

  /**
   * The first document of {@code text}; {@code null} when it holds no content.
   *
   * @throws IllegalArgumentException naming the line of the first construct outside the subset
   */
  static Object read(String text) {
    YamlSubsetReader reader = new YamlSubsetReader(documentLines(text));
    Object value = reader.node(0);
    reader.skipBlank();
    if (reader.pos < reader.lines.size()) {
      throw reader.error("unexpected content");
    }
    return value;
  }

  /** The lines of the first document, with the document markers replaced by blank lines. */
  private static List<String> documentLines(String text) {
    String[] raw = text.split("\r?\n", -1);
    List<String> result = new ArrayList<>(raw.length);
    boolean content = false;
    for (String line : raw) {
      if (isMarker(line, "---")) {
        if (content) {
          break;
        }
        String rest = line.substring(3).trim();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
          throw new IllegalArgumentException(
              "line " + (result.size() + 1) + ": content after '---' is not supported");
        }
        result.add("");
        continue;
      }
      if (isMarker(line, "...")) {
        break;
      }
      if (!content && line.startsWith("%")) {
        result.add("");
        continue;
      }
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        content = true;
      }
      result.add(line);
    }
    return result;
  }

  private static boolean isMarker(String line, String marker) {
    return line.startsWith(marker)
        && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '\t');
  }

  // ---- block structure ----

  /** The block node starting at the next content line, when that line is indented at least so. */
  private Object node(int minIndent) {
    skipBlank();
    if (pos >= lines.size() || indent(pos) < minIndent) {
      return null;
    }
    int indent = indent(pos);
    String content = content(pos);
    if (isSequenceEntry(content)) {
      return sequence(indent);
    }
    if (mappingColon(content) >= 0) {
      return mapping(indent);
    }
    pos++;
    return inlineValue(content, indent - 1);
  }

  private Map<String, Object> mapping(int indent) {
    Map<String, Object> map = new LinkedHashMap<>();
    while (true) {
      skipBlank();
      if (pos >= lines.size() || indent(pos) < indent) {
        return map;
      }
      if (indent(pos) > indent) {
        throw error("unexpected indentation (multi-line plain scalars are not supported)");
      }
      String content = content(pos);
      if (isSequenceEntry(content)) {
        throw error("a sequence entry where a mapping key was expected");
      }
      int colon = mappingColon(content);
      if (colon < 0) {
        throw error("expected 'key: value'");
      }
      String key = key(content.substring(0, colon).trim());
      String rest = content.substring(colon + 1).trim();
      pos++;
      map.put(key, valueAfterIndicator(rest, indent, true));
    }
  }

  private List<Object> sequence(int indent) {
    List<Object> list = new ArrayList<>();
    while (true) {
      skipBlank();
      if (pos >= lines.size() || indent(pos) < indent) {
        return list;
      }
      if (indent(pos) > indent) {
        throw error("unexpected indentation in a sequence");
      }
      String content = content(pos);
      if (!isSequenceEntry(content)) {
        return list;
      }
      String rest = content.substring(1);
      String item = rest.trim();
      if (item.isEmpty()) {
        pos++;
        list.add(valueAfterIndicator("", indent, false));
      } else if (isBlockScalarHeader(item)) {
        pos++;
        list.add(blockScalar(item, indent));
      } else {
        // "- key: v" opens a mapping whose keys sit at the column after the dash and its spaces.
        int itemIndent = indent + 1 + (rest.length() - rest.stripLeading().length());
        lines.set(pos, " ".repeat(itemIndent) + item);
        list.add(node(itemIndent));
      }
    }
  }

  /** The value that follows {@code key:} or {@code -} on the same line, or on the lines below. */
  private Object valueAfterIndicator(String rest, int parentIndent, boolean sameIndentSequence) {
    if (!rest.isEmpty()) {
      return inlineValue(rest, parentIndent);
    }
    skipBlank();
    if (pos >= lines.size()) {
      return null;
    }
    int next = indent(pos);
    if (next > parentIndent) {
      return node(next);
    }
    if (sameIndentSequence && next == parentIndent && isSequenceEntry(content(pos))) {
      return sequence(next);
    }
    return null;
  }

  /** A value written on one line (a scalar or a flow collection) or a block scalar header. */
  private Object inlineValue(String text, int parentIndent) {
    char first = text.charAt(0);
    if (isBlockScalarHeader(text)) {
      return blockScalar(text, parentIndent);
    }
    if (first == '&' || first == '*' || first == '!') {
      throw errorAt(pos - 1, "anchors, aliases and tags are not supported");
    }
    if (first == '?') {
      throw errorAt(pos - 1, "complex mapping keys are not supported");
    }
    if (first == '[' || first == '{') {
      return flowValue(text);
    }
    if (first == '"' || first == '\'') {
      int end = YamlScalars.closingQuote(text, 0);
      if (end < 0) {
        throw errorAt(pos - 1, "multi-line or unterminated quoted scalars are not supported");
      }
      if (end != text.length() - 1) {
        throw errorAt(pos - 1, "unexpected text after a quoted scalar");
      }
      return YamlScalars.unquote(text, pos);
    }
    return YamlScalars.plain(text);
  }

  // ---- block scalars ----

  private static boolean isBlockScalarHeader(String text) {
    char first = text.charAt(0);
    if (first != '|' && first != '>') {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        return true;
      }
      if (c != '-' && c != '+' && (c < '1' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private String blockScalar(String header, int parentIndent) {
    boolean folded = header.charAt(0) == '>';
    char chomping = header.indexOf('-') > 0 ? '-' : header.indexOf('+') > 0 ? '+' : ' ';
    List<String> body = new ArrayList<>();
    int contentIndent = -1;
    while (pos < lines.size()) {
      String line = lines.get(pos);
      if (line.trim().isEmpty()) {
        body.add("");
        pos++;
        continue;
      }
      int indent = leadingSpaces(line);
      if (contentIndent < 0) {
        if (indent <= parentIndent) {
          break;
        }
        contentIndent = indent;
      }
      if (indent < contentIndent) {
        break;
      }
      body.add(line.substring(contentIndent));
      pos++;
    }
    int trailingBlank = 0;
    while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
      body.remove(body.size() - 1);
      trailingBlank++;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.size(); i++) {
      String line = body.get(i);
      if (i > 0) {
        sb.append(folded ? foldedSeparator(body.get(i - 1), line) : "\n");
      }
      sb.append(line);
    }
    if (body.isEmpty()) {
      return "";
    }
    if (chomping == '+') {
      sb.append("\n".repeat(trailingBlank + 1));
    } else if (chomping != '-') {
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * What joins two lines of a folded scalar: a space between plain lines, a newline for each blank
   * line (the break before the next text line is folded away) and around more-indented lines.
   */
  private static String foldedSeparator(String previous, String line) {
    if (line.isEmpty()) {
      return "\n";
    }
    if (previous.isEmpty()) {
      return "";
    }
    return line.charAt(0) == ' ' || previous.charAt(0) == ' ' ? "\n" : " ";
  }

  // ---- flow collections ----

  private Object flowValue(String firstLine) {
    StringBuilder text = new StringBuilder(firstLine);
    int startLine = pos - 1;
    while (YamlFlowReader.depth(text) > 0) {
      skipBlank();
      if (pos >= lines.size()) {
        throw errorAt(startLine, "unterminated flow collection");
      }
      text.append(' ').append(content(pos));
      pos++;
    }
    YamlFlowReader parser = new YamlFlowReader(text.toString(), startLine + 1);
    Object value = parser.value(false);
    parser.skipSpaces();
    if (!parser.atEnd()) {
      throw errorAt(startLine, "unexpected text after a flow collection");
    }
    return value;
  }

  // ---- keys ----

  private String key(String text) {
    if (text.isEmpty()) {
      throw error("empty mapping key");
    }
    char first = text.charAt(0);
    if (first == '"' || first == '\'') {
      if (YamlScalars.closingQuote(text, 0) != text.length() - 1) {
        throw error("malformed quoted key");
      }
      return YamlScalars.unquote(text, pos + 1);
    }
    if (first == '&' || first == '*' || first == '!' || first == '?') {
      throw error("anchors, aliases, tags and complex keys are not supported");
    }
    return text;
  }

  // ---- lines ----

  private static boolean isSequenceEntry(String content) {
    return content.equals("-") || content.startsWith("- ") || content.startsWith("-\t");
  }

  /** Index of the ':' separating a block mapping key from its value, or -1. */
  private static int mappingColon(String content) {
    char first = content.charAt(0);
    if (first == '[' || first == '{') {
      return -1;
    }
    int from = 0;
    if (first == '"' || first == '\'') {
      int end = YamlScalars.closingQuote(content, 0);
      if (end < 0) {
        return -1;
      }
      from = end + 1;
      while (from < content.length() && content.charAt(from) == ' ') {
        from++;
      }
      boolean colonFollows =
          from < content.length()
              && content.charAt(from) == ':'
              && (from + 1 == content.length() || content.charAt(from + 1) == ' ');
      return colonFollows ? from : -1;
    }
    for (int i = from; i < content.length(); i++) {
      if (content.charAt(i) == ':'
          && (i + 1 == content.length()
              || content.charAt(i + 1) == ' '
              || content.charAt(i + 1) == '\t')) {
        return i;
      }
    }
    return -1;
  }

  private void skipBlank() {
    while (pos < lines.size() && isBlank(lines.get(pos))) {
      pos++;
    }
  }

  private static boolean isBlank(String line) {
    String trimmed = line.trim();
    return trimmed.isEmpty() || trimmed.startsWith("#");
  }

  private int indent(int index) {
    String line = lines.get(index);
    int spaces = leadingSpaces(line);
    if (spaces < line.length() && line.charAt(spaces) == '\t') {
      throw errorAt(index, "tabs are not allowed in indentation");
    }
    return spaces;
  }

  private static int leadingSpaces(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The line's text without indentation, trailing spaces or a trailing comment. */
  private String content(int index) {
    String line = lines.get(index).trim();
    boolean tokenStart = true;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c == '"' || c == '\'') && tokenStart) {
        int end = YamlScalars.closingQuote(line, i);
        if (end > 0) {
          i = end;
          tokenStart = false;
          continue;
        }
      }
      if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
        return line.substring(0, i).trim();
      }
      tokenStart = c == ' ' || c == '\t' || c == '[' || c == '{' || c == ',' || c == '-';
    }
    return line;
  }

  private IllegalArgumentException error(String message) {
    return errorAt(pos, message);
  }

  private static IllegalArgumentException errorAt(int index, String message) {
    return new IllegalArgumentException("line " + (index + 1) + ": " + message);
  }
}
