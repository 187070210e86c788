package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.CloudException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A mapping of a composed document, keys in file order; a key written twice keeps its first
 * position and its last value, as in PyYAML. Through {@link #get(String)} a key whose value is YAML
 * null reads as absent, like a key that is not written at all; {@link #written(String)} tells them
 * apart.
 */
public final class YamlMap {
  private final MappingNode node;
  private final String path;
  private final String sourceName;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  YamlMap(MappingNode node, String path, String sourceName) {
    this.node = node;
    this.path = path;
    this.sourceName = sourceName;
    for (NodeTuple tuple : node.getValue()) {
      entries.put(((ScalarNode) tuple.getKeyNode()).getValue(), tuple);
    }
  }

  /**
   * The dotted path of this mapping, empty for the document.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * The {@code (file:LINE:COL)} suffix of this mapping's start.
   *
   * @return the suffix, with a leading space
   */
  public String location() {
    return YamlLocation.suffix(sourceName, node);
  }

  /**
   * The keys as written, in file order.
   *
   * @return the keys
   */
  public List<String> keys() {
    return new ArrayList<>(entries.keySet());
  }

  /**
   * Whether a key is written with a non-null value.
   *
   * @param key the key
   * @return true when present and not null
   */
  public boolean has(String key) {
    return get(key).isPresent();
  }

  /**
   * The value under a key.
   *
   * @param key the key
   * @return the value, or empty when the key is absent or its value is null
   */
  public Optional<YamlValue> get(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      return Optional.empty();
    }
    YamlValue value = new YamlValue(tuple.getValueNode(), YamlPaths.child(path, key), sourceName);
    return value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /**
   * The value under a key as written, YAML null included (for the fields where megaplan or the
   * Python tool treat {@code key: null} differently from a missing key).
   *
   * @param key the key
   * @return the value, empty only when the key is absent
   */
  public Optional<YamlValue> written(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null
        ? Optional.empty()
        : Optional.of(new YamlValue(tuple.getValueNode(), YamlPaths.child(path, key), sourceName));
  }

  /**
   * Whether the mapping has no entries.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The value under a required key.
   *
   * @param key the key
   * @return the value
   * @throws CloudException {@code invalid_spec} "{@code <path> is required}" when absent or null
   */
  public YamlValue require(String key) {
    return get(key).orElseThrow(() -> missing(key, ""));
  }

  /**
   * An {@code invalid_spec} error for a missing key, located at this mapping.
   *
   * @param key the key
   * @param condition text appended after "is required", such as {@code " when mode is auto"}
   * @return the exception, to throw
   */
  public CloudException missing(String key, String condition) {
    return new CloudException(
        dev.megaplan.cloud.api.ErrorCode.INVALID_SPEC,
        YamlPaths.child(path, key)
            + " is required"
            + condition
            + YamlLocation.suffix(sourceName, node));
  }

  /**
   * Warnings for keys outside a known set, such as {@code unknown key 'provder' (cloud.yaml:1:1)}.
   *
   * @param known the keys this mapping may hold
   * @return one warning per unknown key, in file order
   */
  public List<String> unknownKeyWarnings(Collection<String> known) {
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      if (!known.contains(entry.getKey())) {
        warnings.add(
            "unknown key '"
                + YamlPaths.child(path, entry.getKey())
                + "'"
                + YamlLocation.suffix(sourceName, entry.getValue().getKeyNode()));
      }
    }
    return warnings;
  }

  /**
   * This mapping as plain JDK data (see {@link YamlValue#toJava()}).
   *
   * @return an ordered unmodifiable map
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> toJava() {
    return (Map<String, Object>) new YamlValue(node, path, sourceName).toJava();
  }
}
