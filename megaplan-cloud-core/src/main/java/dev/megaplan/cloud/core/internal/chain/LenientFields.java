package dev.megaplan.cloud.core.internal.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Lenient readers for single fields of a megaplan JSON document: each returns the field's value
 * when it has a usable type and "absent" otherwise, so that one malformed field falls back to its
 * default instead of failing the whole document (megaplan's own reading is lenient the same way).
 */
public final class LenientFields {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final BigInteger MIN_INT = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);

  private LenientFields() {}

  /**
   * An int, the way Python's {@code int()} reads it: a JSON integer, a JSON number truncated toward
   * zero, or a string of decimal digits (surrounding white space allowed). Booleans, other values
   * and numbers outside the int range are absent.
   *
   * @param value the raw value
   * @return the int, or empty
   */
  public static OptionalInt integer(Object value) {
    BigInteger whole;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      whole = BigInteger.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger) {
      whole = (BigInteger) value;
    } else if (value instanceof BigDecimal) {
      whole = ((BigDecimal) value).toBigInteger();
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        return OptionalInt.empty();
      }
      whole = BigDecimal.valueOf(d).toBigInteger();
    } else if (value instanceof String && INTEGER.matcher(((String) value).strip()).matches()) {
      whole = new BigInteger(((String) value).strip());
    } else {
      return OptionalInt.empty();
    }
    if (whole.compareTo(MIN_INT) < 0 || whole.compareTo(MAX_INT) > 0) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(whole.intValue());
  }

  /**
   * A string, as it is (empty strings included); any other type is absent.
   *
   * @param value the raw value
   * @return the string, or empty
   */
  public static Optional<String> string(Object value) {
    return value instanceof String ? Optional.of((String) value) : Optional.empty();
  }

  /**
   * A string with at least one non-white-space character; blank strings and other types are absent.
   *
   * @param value the raw value
   * @return the string, unchanged, or empty
   */
  public static Optional<String> nonBlankString(Object value) {
    return string(value).filter(s -> !s.isBlank());
  }

  /**
   * A JSON boolean; anything else (including {@code "true"} and {@code 1}) is absent.
   *
   * @param value the raw value
   * @return the boolean, or empty
   */
  public static Optional<Boolean> bool(Object value) {
    return value instanceof Boolean ? Optional.of((Boolean) value) : Optional.empty();
  }

  /**
   * A JSON object, deeply unmodifiable; any other type is absent.
   *
   * @param value the raw value
   * @return the object, or empty
   */
  public static Optional<Map<String, Object>> object(Object value) {
    return value instanceof Map
        ? Optional.of(JsonValues.freezeMap((Map<?, ?>) value))
        : Optional.empty();
  }

  /**
   * A JSON array, deeply unmodifiable; any other type is absent.
   *
   * @param value the raw value
   * @return the list, or empty
   */
  @SuppressWarnings("unchecked")
  public static Optional<List<Object>> list(Object value) {
    return value instanceof List
        ? Optional.of((List<Object>) JsonValues.freeze(value))
        : Optional.empty();
  }

  /**
   * A list of non-empty strings. Like megaplan, one bad item makes the whole list absent.
   *
   * @param value the raw value
   * @return the strings, or empty
   */
  public static Optional<List<String>> nonEmptyStrings(Object value) {
    if (!(value instanceof List)) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (Object item : (List<?>) value) {
      if (!(item instanceof String) || ((String) item).isEmpty()) {
        return Optional.empty();
      }
      out.add((String) item);
    }
    return Optional.of(out);
  }

  /**
   * An object of ints: entries whose value reads as an {@link #integer(Object)} are kept, others
   * dropped; a value that is not an object is absent.
   *
   * @param value the raw value
   * @return the map in document order, or empty
   */
  public static Optional<Map<String, Integer>> intMap(Object value) {
    if (!(value instanceof Map)) {
      return Optional.empty();
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      integer(entry.getValue()).ifPresent(i -> out.put(String.valueOf(entry.getKey()), i));
    }
    return Optional.of(out);
  }

  /**
   * An object of strings: entries whose value is a string are kept, others dropped; a value that is
   * not an object is absent.
   *
   * @param value the raw value
   * @return the map in document order, or empty
   */
  public static Optional<Map<String, String>> stringMap(Object value) {
    if (!(value instanceof Map)) {
      return Optional.empty();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      if (entry.getValue() instanceof String) {
        out.put(String.valueOf(entry.getKey()), (String) entry.getValue());
      }
    }
    return Optional.of(out);
  }
}
