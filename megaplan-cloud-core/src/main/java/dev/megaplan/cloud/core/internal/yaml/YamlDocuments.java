package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
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
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Composes YAML text into a node tree with line and column marks, within {@link YamlLimits}, its
 * plain scalars typed as PyYAML types them ({@link PyYamlSchema}); merge keys ({@code <<: *base})
 * are expanded as PyYAML expands them. Syntax errors, alias bombs, recursive aliases and non-scalar
 * keys fail here with {@code invalid_spec}; a duplicate key fails or, where the caller reads the
 * file the way PyYAML does, becomes a warning and its last value wins.
 */
public final class YamlDocuments {
  private YamlDocuments() {}

  /** What a key written twice in one mapping does. */
  public enum DuplicateKeys {
    /** {@code invalid_spec} naming the key. */
    REFUSE,
    /** A warning; the last value wins, as in PyYAML. */
    LAST_WINS
  }

  /**
   * A composed document.
   *
   * @param root the root node, empty for an empty document ({@code ~}, {@code ---}, nothing)
   * @param warnings duplicate keys, when they are allowed
   */
  public record Composed(Optional<Node> root, List<String> warnings) {
    /** Copies the warnings. */
    public Composed {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * The settings every document is loaded with.
   *
   * @param sourceName the name marks carry
   * @return fresh settings
   */
  public static LoadSettings settings(String sourceName) {
    return LoadSettings.builder()
        .setLabel(sourceName)
        .setSchema(new PyYamlSchema())
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
   * @param duplicates what a duplicate key does
   * @return the root (empty for an empty or null document) and the warnings
   * @throws CloudException {@code invalid_spec} for unreadable or over-limit YAML
   */
  public static Composed compose(String text, String sourceName, DuplicateKeys duplicates) {
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
    Walk walk = new Walk(sourceName, duplicates);
    root.ifPresent(node -> walk.visit(node, "", 0));
    root.ifPresent(node -> MergeKeys.expand(node, sourceName));
    return new Composed(root.filter(node -> !isNull(node)), walk.warnings);
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
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
    private final DuplicateKeys duplicates;
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int nodes;

    Walk(String sourceName, DuplicateKeys duplicates) {
      this.sourceName = sourceName;
      this.duplicates = duplicates;
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
        if (!MergeKeys.isMergeKey(key) && seen.put(name, Boolean.TRUE) != null) {
          if (duplicates == DuplicateKeys.REFUSE) {
            throw fail("duplicate key '" + YamlPaths.child(path, name) + "'", key);
          }
          warnings.add(
              "duplicate key '"
                  + YamlPaths.child(path, name)
                  + "'"
                  + YamlLocation.suffix(sourceName, key)
                  + "; megaplan uses the last value");
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
