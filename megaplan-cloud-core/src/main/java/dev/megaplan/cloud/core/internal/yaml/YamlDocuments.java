package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Composes YAML 1.2 text (core schema) into a node tree with line and column marks, within {@link
 * YamlLimits}. Syntax errors, alias bombs, recursive aliases, duplicate keys and non-scalar keys
 * all fail here with {@code invalid_spec}.
 */
public final class YamlDocuments {
  private YamlDocuments() {}

  /**
   * The settings every document is loaded with.
   *
   * @param sourceName the name marks carry
   * @return fresh settings
   */
  public static LoadSettings settings(String sourceName) {
    return LoadSettings.builder()
        .setLabel(sourceName)
        .setSchema(new CoreSchema())
        .setCodePointLimit(YamlLimits.MAX_BYTES)
        .setMaxAliasesForCollections(YamlLimits.MAX_COLLECTION_ALIASES)
        .setAllowRecursiveKeys(false)
        .setAllowDuplicateKeys(false)
        .setAllowNonScalarKeys(false)
        .setUseMarks(true)
        .build();
  }

  /**
   * Composes one document.
   *
   * @param text the YAML text
   * @param sourceName the file name used in messages, such as {@code cloud.yaml}
   * @return the root, or empty for an empty document
   * @throws CloudException {@code invalid_spec} for unreadable or over-limit YAML
   */
  public static Optional<Node> compose(String text, String sourceName) {
    YamlText.checkSize(text, sourceName);
    Optional<Node> root;
    try {
      LoadSettings settings = settings(sourceName);
      root =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)))
              .getSingleNode();
    } catch (MarkedYamlEngineException e) {
      throw parseError(e, sourceName);
    } catch (YamlEngineException e) {
      throw new CloudException(
          ErrorCode.INVALID_SPEC, "YAML parse error: " + e.getMessage() + " (" + sourceName + ")");
    }
    root.ifPresent(node -> new Walk(sourceName).visit(node, "", 0));
    return root;
  }

  private static CloudException parseError(MarkedYamlEngineException e, String sourceName) {
    StringBuilder message = new StringBuilder("YAML parse error: ");
    if (e.getContext() != null && !e.getContext().isBlank()) {
      message.append(e.getContext()).append(", ");
    }
    message.append(e.getProblem() == null ? "invalid YAML" : e.getProblem());
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    message.append(mark.map(m -> YamlLocation.suffix(sourceName, m)).orElse(""));
    return new CloudException(ErrorCode.INVALID_SPEC, message.toString());
  }

  /** Walks the graph once, aliases followed, enforcing the node, depth and key rules. */
  private static final class Walk {
    private final String sourceName;
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
    private int nodes;

    Walk(String sourceName) {
      this.sourceName = sourceName;
    }

    void visit(Node node, String path, int depth) {
      if (++nodes > YamlLimits.MAX_NODES) {
        throw fail(
            "YAML document too large: more than "
                + YamlLimits.MAX_NODES
                + " nodes once aliases are expanded",
            node);
      }
      if (depth > YamlLimits.MAX_DEPTH) {
        throw fail("YAML document nested deeper than " + YamlLimits.MAX_DEPTH + " levels", node);
      }
      if (node instanceof ScalarNode) {
        return;
      }
      if (onPath.put(node, Boolean.TRUE) != null) {
        throw fail(label(path) + " is a recursive alias (it contains itself)", node);
      }
      if (node instanceof SequenceNode) {
        int index = 0;
        for (Node item : ((SequenceNode) node).getValue()) {
          visit(item, path + "[" + index++ + "]", depth + 1);
        }
      } else if (node instanceof MappingNode) {
        visitMapping((MappingNode) node, path, depth);
      }
      onPath.remove(node);
    }

    private void visitMapping(MappingNode mapping, String path, int depth) {
      Map<String, Boolean> seen = new java.util.HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node key = tuple.getKeyNode();
        if (!(key instanceof ScalarNode)) {
          throw fail(label(path) + " has a key that is not a scalar; keys must be strings", key);
        }
        String name = ((ScalarNode) key).getValue();
        if (seen.put(name, Boolean.TRUE) != null) {
          throw fail("duplicate key '" + YamlPaths.child(path, name) + "'", key);
        }
        visit(tuple.getValueNode(), YamlPaths.child(path, name), depth + 1);
      }
    }

    private String label(String path) {
      return path.isEmpty() ? "the document" : path;
    }

    private CloudException fail(String message, Node node) {
      return new CloudException(
          ErrorCode.INVALID_SPEC, message + YamlLocation.suffix(sourceName, node));
    }
  }
}
