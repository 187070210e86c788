package dev.megaplan.cloud.core.internal.yaml;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.JsonSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Types plain scalars the way PyYAML's {@code safe_load} does (YAML 1.1), which is how the Python
 * tool reads cloud.yaml and how megaplan reads chain.yaml: {@code yes}/{@code no}/{@code on}/{@code
 * off} are booleans, {@code 0123} is octal, {@code 1_000} and {@code 1:30} are integers, {@code
 * 2024-01-01} is a date, while {@code 1e3} (no dot) and {@code 08} stay text. Quoted and block
 * scalars are always text. The same resolver drives the dumper, so a string that PyYAML would read
 * as something else is written quoted.
 *
 * <p>Dates are kept as their text: no field this project reads is a date, and megaplan refuses a
 * date wherever it wants text. A plain {@code <<} outside a key and a plain {@code =} cannot be
 * constructed, as in PyYAML. {@code PyYamlTypingTest} checks the typing against PyYAML's own
 * answers ({@code scripts/pyyaml-scalar-golden}).
 */
public final class PyYamlSchema implements Schema {
  /** PyYAML's tag for dates and times. */
  public static final Tag TIMESTAMP = new Tag(Tag.PREFIX + "timestamp");

  /**
   * The tag of a plain {@code <<}: a merge key. Not snakeyaml-engine's own merge tag, so that
   * merges are expanded by {@link MergeKeys} after the document's size is checked, not while
   * composing.
   */
  public static final Tag MERGE = new Tag("tag:megaplan-cloud,2026:merge");

  /** PyYAML's tag for a plain {@code =}, which {@code safe_load} cannot construct. */
  public static final Tag VALUE = new Tag(Tag.PREFIX + "value");

  private static final Pattern BOOL =
      Pattern.compile(
          "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  private static final Pattern FLOAT =
      Pattern.compile(
          "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
              + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
              + "|[-+]?\\.(?:inf|Inf|INF)"
              + "|\\.(?:nan|NaN|NAN))$");
  private static final Pattern INT =
      Pattern.compile(
          "^(?:[-+]?0b[0-1_]+"
              + "|[-+]?0[0-7_]+"
              + "|[-+]?(?:0|[1-9][0-9_]*)"
              + "|[-+]?0x[0-9a-fA-F_]+"
              + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
  private static final Pattern MERGE_TEXT = Pattern.compile("^(?:<<)$");
  private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
  private static final Pattern VALUE_TEXT = Pattern.compile("^(?:=)$");
  private static final Pattern TIMESTAMP_TEXT =
      Pattern.compile(
          "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
              + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
              + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
              + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
              + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");

  private static final ScalarResolver RESOLVER = PyYamlSchema::resolve;

  private final Map<Tag, ConstructNode> constructors;

  /** Creates the schema. */
  public PyYamlSchema() {
    Map<Tag, ConstructNode> map = new HashMap<>(new JsonSchema().getSchemaTagConstructors());
    map.put(Tag.BOOL, node -> bool(text(node)));
    map.put(Tag.INT, node -> integer(text(node)));
    map.put(Tag.FLOAT, node -> floating(text(node)));
    map.put(TIMESTAMP, PyYamlSchema::text);
    this.constructors = Map.copyOf(map);
  }

  @Override
  public ScalarResolver getScalarResolver() {
    return RESOLVER;
  }

  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return constructors;
  }

  /**
   * The tag PyYAML gives a scalar.
   *
   * @param value the scalar's text
   * @param implicit whether the scalar is plain and untagged (only those are typed)
   * @return the tag
   */
  public static Tag resolve(String value, Boolean implicit) {
    if (!Boolean.TRUE.equals(implicit)) {
      return Tag.STR;
    }
    if (BOOL.matcher(value).matches()) {
      return Tag.BOOL;
    }
    if (FLOAT.matcher(value).matches()) {
      return Tag.FLOAT;
    }
    if (INT.matcher(value).matches()) {
      return Tag.INT;
    }
    if (MERGE_TEXT.matcher(value).matches()) {
      return MERGE;
    }
    if (NULL.matcher(value).matches()) {
      return Tag.NULL;
    }
    if (TIMESTAMP_TEXT.matcher(value).matches()) {
      return TIMESTAMP;
    }
    if (VALUE_TEXT.matcher(value).matches()) {
      return VALUE;
    }
    return Tag.STR;
  }

  private static String text(Node node) {
    return ((ScalarNode) node).getValue();
  }

  private static Boolean bool(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "yes", "true", "on":
        return Boolean.TRUE;
      case "no", "false", "off":
        return Boolean.FALSE;
      default:
        throw new YamlEngineException("invalid boolean '" + text + "'");
    }
  }

  /** PyYAML's {@code construct_yaml_int}: underscores dropped, 0b, 0x, leading-0 octal, base 60. */
  private static Number integer(String text) {
    String value = text.replace("_", "");
    int sign = 1;
    if (value.startsWith("-") || value.startsWith("+")) {
      sign = value.charAt(0) == '-' ? -1 : 1;
      value = value.substring(1);
    }
    try {
      BigInteger magnitude;
      if (value.equals("0")) {
        magnitude = BigInteger.ZERO;
      } else if (value.startsWith("0b")) {
        magnitude = new BigInteger(value.substring(2), 2);
      } else if (value.startsWith("0x")) {
        magnitude = new BigInteger(value.substring(2), 16);
      } else if (value.startsWith("0")) {
        magnitude = new BigInteger(value, 8);
      } else if (value.contains(":")) {
        magnitude = BigInteger.ZERO;
        for (String digit : value.split(":", -1)) {
          magnitude = magnitude.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
        }
      } else {
        magnitude = new BigInteger(value);
      }
      return narrow(sign < 0 ? magnitude.negate() : magnitude);
    } catch (NumberFormatException e) {
      throw new YamlEngineException("invalid integer '" + text + "'");
    }
  }

  private static Number narrow(BigInteger value) {
    if (value.bitLength() < Integer.SIZE) {
      return value.intValue();
    }
    if (value.bitLength() < Long.SIZE) {
      return value.longValue();
    }
    return value;
  }

  /** PyYAML's {@code construct_yaml_float}: underscores dropped, .inf, .nan, base 60. */
  private static Double floating(String text) {
    String value = text.replace("_", "").toLowerCase(Locale.ROOT);
    double sign = 1;
    if (value.startsWith("-") || value.startsWith("+")) {
      sign = value.charAt(0) == '-' ? -1 : 1;
      value = value.substring(1);
    }
    try {
      if (value.equals(".inf")) {
        return sign * Double.POSITIVE_INFINITY;
      }
      if (value.equals(".nan")) {
        return Double.NaN;
      }
      if (value.contains(":")) {
        double total = 0;
        for (String digit : value.split(":", -1)) {
          total = total * 60 + Double.parseDouble(digit);
        }
        return sign * total;
      }
      return sign * Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new YamlEngineException("invalid float '" + text + "'");
    }
  }
}
