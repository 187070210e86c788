package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Expands merge keys ({@code <<: *base}, {@code <<: [*a, *b]}) in place, exactly as PyYAML's {@code
 * flatten_mapping} does: the merged entries go first and the mapping's own entries after them, the
 * first of several merged mappings last, so that with last-wins keys a mapping's own key beats a
 * merged one and an earlier merged mapping beats a later one. Runs after the document's size is
 * checked, so the work is bounded by it.
 */
final class MergeKeys {
  private final String sourceName;
  private final Map<Node, Boolean> done = new IdentityHashMap<>();

  private MergeKeys(String sourceName) {
    this.sourceName = sourceName;
  }

  static void expand(Node root, String sourceName) {
    new MergeKeys(sourceName).visit(root);
  }

  static boolean isMergeKey(Node key) {
    return PyYamlSchema.MERGE.equals(key.getTag());
  }

  private void visit(Node node) {
    if (done.put(node, Boolean.TRUE) != null) {
      return;
    }
    if (node instanceof MappingNode mapping) {
      flatten(mapping);
      for (NodeTuple tuple : mapping.getValue()) {
        visit(tuple.getValueNode());
      }
    } else if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(this::visit);
    }
  }

  private void flatten(MappingNode node) {
    List<NodeTuple> merged = new ArrayList<>();
    List<NodeTuple> own = new ArrayList<>();
    boolean hasMerge = false;
    for (NodeTuple tuple : node.getValue()) {
      if (!isMergeKey(tuple.getKeyNode())) {
        own.add(tuple);
        continue;
      }
      hasMerge = true;
      Node value = tuple.getValueNode();
      if (value instanceof MappingNode source) {
        visit(source);
        merged.addAll(source.getValue());
      } else if (value instanceof SequenceNode sources) {
        List<List<NodeTuple>> parts = new ArrayList<>();
        for (Node item : sources.getValue()) {
          if (!(item instanceof MappingNode source)) {
            throw fail("a merge key (<<) takes a mapping or a list of mappings", item);
          }
          visit(source);
          parts.add(source.getValue());
        }
        Collections.reverse(parts);
        parts.forEach(merged::addAll);
      } else {
        throw fail("a merge key (<<) takes a mapping or a list of mappings", value);
      }
    }
    if (hasMerge) {
      merged.addAll(own);
      node.setValue(merged);
    }
  }

  private CloudException fail(String message, Node node) {
    return new CloudException(
        ErrorCode.INVALID_SPEC, message + YamlLocation.suffix(sourceName, node));
  }
}
