package dev.megaplan.cloud.core.internal.yaml;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Formats the {@code (file:LINE:COL)} suffix of messages, one-based. */
public final class YamlLocation {
  private YamlLocation() {}

  /**
   * The suffix for a mark.
   *
   * @param sourceName the file name
   * @param mark the zero-based mark
   * @return for example {@code " (cloud.yaml:3:9)"}
   */
  public static String suffix(String sourceName, Mark mark) {
    return " (" + sourceName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ")";
  }

  /**
   * The suffix for a node's start, or the bare file name when the node has no mark.
   *
   * @param sourceName the file name
   * @param node the node
   * @return the suffix
   */
  public static String suffix(String sourceName, Node node) {
    return node.getStartMark()
        .map(mark -> suffix(sourceName, mark))
        .orElse(" (" + sourceName + ")");
  }
}
