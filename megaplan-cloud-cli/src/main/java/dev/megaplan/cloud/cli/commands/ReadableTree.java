package dev.megaplan.cloud.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Renders a JSON tree as indented YAML-like text for people. */
final class ReadableTree {
  private ReadableTree() {}

  static String render(JsonNode tree) {
    StringBuilder text = new StringBuilder();
    appendObject(text, tree, 0);
    return text.toString();
  }

  private static void appendObject(StringBuilder text, JsonNode object, int depth) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      text.append("  ".repeat(depth)).append(field.getKey()).append(':');
      appendValue(text, field.getValue(), depth);
    }
  }

  private static void appendValue(StringBuilder text, JsonNode value, int depth) {
    if (value.isObject()) {
      if (value.isEmpty()) {
        text.append(" {}\n");
      } else {
        text.append('\n');
        appendObject(text, value, depth + 1);
      }
    } else if (value.isArray()) {
      if (value.isEmpty()) {
        text.append(" []\n");
        return;
      }
      text.append('\n');
      for (JsonNode item : value) {
        text.append("  ".repeat(depth + 1)).append('-');
        if (item.isObject()) {
          text.append('\n');
          appendObject(text, item, depth + 2);
        } else {
          text.append(' ').append(scalar(item)).append('\n');
        }
      }
    } else {
      text.append(' ').append(scalar(value)).append('\n');
    }
  }

  private static String scalar(JsonNode value) {
    return value.isNull() ? "null" : value.asText();
  }
}
