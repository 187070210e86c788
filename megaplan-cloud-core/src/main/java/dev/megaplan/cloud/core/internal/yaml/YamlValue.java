package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One node of a composed document together with its dotted path and file name. Every typed accessor
 * either returns the value or throws {@code invalid_spec} with a message of the form {@code "<path>
 * must be …, got … (file:LINE:COL)"}.
 */
public final class YamlValue {
  private static final int QUOTE_LIMIT = 80;

  private final Node node;
  private final String path;
  private final String sourceName;

  YamlValue(Node node, String path, String sourceName) {
    this.node = node;
    this.path = path;
    this.sourceName = sourceName;
  }

  /**
   * The document root.
   *
   * @param node the composed root
   * @param sourceName the file name used in messages
   * @return the root value, with an empty path
   */
  public static YamlValue root(Node node, String sourceName) {
    return new YamlValue(node, "", sourceName);
  }

  /**
   * The dotted path of this value.
   *
   * @return for example {@code extra_repos[1].workspace}
   */
  public String path() {
    return path;
  }

  /**
   * The file name used in messages.
   *
   * @return for example {@code cloud.yaml}
   */
  public String sourceName() {
    return sourceName;
  }

  /**
   * The {@code (file:LINE:COL)} suffix of this value's start.
   *
   * @return the suffix, with a leading space
   */
  public String location() {
    return YamlLocation.suffix(sourceName, node);
  }

  /**
   * An {@code invalid_spec} error about this value.
   *
   * @param problem what is wrong, read after the path (for example {@code "must be a list"})
   * @return the exception, to throw
   */
  public CloudException error(String problem) {
    return new CloudException(ErrorCode.INVALID_SPEC, path + " " + problem + location());
  }

  /**
   * Whether the value is YAML null ({@code ~}, {@code null} or nothing).
   *
   * @return true for null
   */
  public boolean isNull() {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  /**
   * Whether the value is a mapping.
   *
   * @return true for a mapping
   */
  public boolean isMap() {
    return node instanceof MappingNode;
  }

  /**
   * Whether the value is a list.
   *
   * @return true for a sequence
   */
  public boolean isList() {
    return node instanceof SequenceNode;
  }

  /**
   * Whether the value is a scalar other than null.
   *
   * @return true for a string, number or boolean
   */
  public boolean isScalar() {
    return node instanceof ScalarNode && !isNull();
  }

  /**
   * The value as a mapping.
   *
   * @return the mapping
   */
  public YamlMap asMap() {
    if (!isMap()) {
      throw error("must be a mapping, got " + describe());
    }
    return new YamlMap((MappingNode) node, path, sourceName);
  }

  /**
   * The value as a list.
   *
   * @return the items, each with its indexed path
   */
  public List<YamlValue> asList() {
    if (!isList()) {
      throw error("must be a list, got " + describe());
    }
    List<Node> items = ((SequenceNode) node).getValue();
    List<YamlValue> values = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      values.add(new YamlValue(items.get(i), YamlPaths.item(path, i), sourceName));
    }
    return values;
  }

  /**
   * Whether the value is text: a quoted or block scalar, or a plain one that PyYAML does not read
   * as a number, boolean, date or null ({@code ref: 1e10} is text, {@code ref: 0123} a number).
   *
   * @return true for a string
   */
  public boolean isString() {
    return node instanceof ScalarNode && Tag.STR.equals(node.getTag());
  }

  /**
   * The value as a string.
   *
   * @return the text, as written
   */
  public String asString() {
    if (!isString()) {
      throw error("must be a string, got " + describe() + quoteHint());
    }
    return text();
  }

  /**
   * The value as a non-empty string (blank counts as empty).
   *
   * @return the text, as written
   */
  public String asNonEmptyString() {
    if (!isString() || text().isBlank()) {
      throw error("must be a non-empty string, got " + describe() + quoteHint());
    }
    return text();
  }

  /**
   * The value as one of a closed set of names.
   *
   * @param allowed the allowed names, in the order messages list them
   * @return the name
   */
  public String asOneOf(List<String> allowed) {
    if (!isString() || !allowed.contains(text())) {
      throw error("must be one of " + String.join(", ", allowed) + ", got " + describe());
    }
    return text();
  }

  /**
   * The value as an absolute POSIX path (starting with {@code /}).
   *
   * @return the path as written
   */
  public String asAbsolutePosixPath() {
    if (!isString() || !text().startsWith("/")) {
      throw error("must be an absolute POSIX path (starting with /), got " + describe());
    }
    return text();
  }

  /**
   * The value as a path that commands on the box use as a directory or file: absolute, normalised
   * and free of control characters ({@link BoxValues#pathProblem(String)}).
   *
   * @return the path as written
   */
  public String asBoxPath() {
    String path = asAbsolutePosixPath();
    BoxValues.pathProblem(path).ifPresent(problem -> failWith(problem, path));
    return path;
  }

  /**
   * The value as a tmux session name from the safe set ({@link BoxValues#sessionProblem(String)}).
   *
   * @return the name
   */
  public String asSessionName() {
    String name = asNonEmptyString();
    BoxValues.sessionProblem(name).ifPresent(problem -> failWith(problem, name));
    return name;
  }

  private void failWith(String problem, String value) {
    // a value with a control character is not quoted back: the problem names its position
    throw error(
        BoxValues.textProblem(value).isPresent() ? problem : problem + ", got " + describe());
  }

  /**
   * The value as an integer in a range.
   *
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @return the integer
   */
  public int asIntInRange(int min, int max) {
    Object value = isInteger() ? construct() : null;
    if (!(value instanceof Number)) {
      throw error("must be an integer, got " + describe());
    }
    BigInteger big = new BigInteger(value.toString());
    if (big.compareTo(BigInteger.valueOf(min)) < 0 || big.compareTo(BigInteger.valueOf(max)) > 0) {
      throw error(rangeText(min, max) + ", got " + big);
    }
    return big.intValue();
  }

  /**
   * The value as a positive number (an integer or a float).
   *
   * @return the number
   */
  public double asPositiveNumber() {
    Object value = isInteger() || isFloat() ? construct() : null;
    if (!(value instanceof Number)) {
      throw error("must be a number, got " + describe());
    }
    double number = ((Number) value).doubleValue();
    if (!(number > 0) || Double.isInfinite(number)) {
      throw error("must be a positive number, got " + ((ScalarNode) node).getValue());
    }
    return number;
  }

  /**
   * The value as a boolean: {@code true}/{@code false} and the YAML 1.1 spellings ({@code yes},
   * {@code no}, {@code on}, {@code off}) that PyYAML reads as booleans.
   *
   * @return the boolean
   */
  public boolean asBoolean() {
    if (!isBoolean()) {
      throw error("must be a boolean (true or false), got " + describe());
    }
    return Boolean.TRUE.equals(construct());
  }

  /**
   * Whether the value is a boolean as PyYAML reads it.
   *
   * @return true for {@code true}, {@code yes}, {@code off} and the like
   */
  public boolean isBoolean() {
    return node instanceof ScalarNode && Tag.BOOL.equals(node.getTag());
  }

  /**
   * Whether the value is an integer as PyYAML reads it.
   *
   * @return true for {@code 5}, {@code 0x1f}, {@code 1_000} and the like
   */
  public boolean isInteger() {
    return node instanceof ScalarNode && Tag.INT.equals(node.getTag());
  }

  /**
   * Whether the value is a float as PyYAML reads it.
   *
   * @return true for {@code 1.5}, {@code .inf} and the like
   */
  public boolean isFloat() {
    return node instanceof ScalarNode && Tag.FLOAT.equals(node.getTag());
  }

  /**
   * Whether Python would take the value as false in a test such as {@code value or default}: null,
   * false, zero, the empty string, an empty list or mapping.
   *
   * @return true when falsy
   */
  public boolean isFalsy() {
    if (node instanceof MappingNode mapping) {
      return mapping.getValue().isEmpty();
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue().isEmpty();
    }
    if (isNull()) {
      return true;
    }
    if (isString()) {
      return text().isEmpty();
    }
    Object value = construct();
    if (value instanceof Boolean bool) {
      return !bool;
    }
    if (value instanceof Double number) {
      return number == 0.0;
    }
    if (value instanceof BigInteger number) {
      return number.signum() == 0;
    }
    if (value instanceof Number number) {
      return number.longValue() == 0;
    }
    return false;
  }

  /**
   * The scalar as PyYAML constructs it: a string, boolean, integer, double, or null.
   *
   * @return the value
   */
  public Object scalarValue() {
    if (!(node instanceof ScalarNode)) {
      throw error("must be a single value, got " + describe());
    }
    return construct();
  }

  /**
   * The value as plain JDK data: ordered unmodifiable maps with string keys, unmodifiable lists,
   * strings, numbers, booleans and nulls.
   *
   * @return the data
   */
  public Object toJava() {
    return toJava(new StandardConstructor(YamlDocuments.settings(sourceName)));
  }

  private Object toJava(StandardConstructor constructor) {
    if (node instanceof MappingNode) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple tuple : ((MappingNode) node).getValue()) {
        String key = ((ScalarNode) tuple.getKeyNode()).getValue();
        map.put(
            key,
            new YamlValue(tuple.getValueNode(), YamlPaths.child(path, key), sourceName)
                .toJava(constructor));
      }
      return Collections.unmodifiableMap(map);
    }
    if (node instanceof SequenceNode) {
      List<Object> list = new ArrayList<>();
      for (YamlValue item : asList()) {
        list.add(item.toJava(constructor));
      }
      return Collections.unmodifiableList(list);
    }
    return construct(constructor);
  }

  /**
   * A short description of the value for messages: a quoted string, {@code the number 12}, {@code
   * the boolean yes}, {@code the date 2024-01-01}, {@code null}, {@code a mapping} or {@code a
   * list}.
   *
   * @return the description
   */
  public String describe() {
    if (isNull()) {
      return "null";
    }
    if (isMap()) {
      return "a mapping";
    }
    if (isList()) {
      return "a list";
    }
    String text = shortText();
    Tag tag = node.getTag();
    if (Tag.STR.equals(tag)) {
      return "'" + text + "'";
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      return "the number " + text;
    }
    if (Tag.BOOL.equals(tag)) {
      return "the boolean " + text;
    }
    if (PyYamlSchema.TIMESTAMP.equals(tag)) {
      return "the date " + text;
    }
    return "'" + text + "' (tagged " + tag + ")";
  }

  private String quoteHint() {
    return isScalar() && !isString() ? " (quote it: '" + shortText() + "')" : "";
  }

  private String text() {
    return ((ScalarNode) node).getValue();
  }

  private String shortText() {
    String text = text();
    return text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text;
  }

  private Object construct() {
    return construct(new StandardConstructor(YamlDocuments.settings(sourceName)));
  }

  private Object construct(StandardConstructor constructor) {
    try {
      return constructor.constructSingleDocument(Optional.of(node));
    } catch (YamlEngineException e) {
      throw error("could not be read: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static String rangeText(int min, int max) {
    if (min == 1 && max == Integer.MAX_VALUE) {
      return "must be a positive integer";
    }
    return "must be between " + min + " and " + max;
  }
}
