package dev.megaplan.cloud.core.internal.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes JSON-like JDK values (as Jackson reads them into {@code Object}: maps, lists, strings,
 * numbers, booleans, nulls) deeply unmodifiable, keeping key order and nulls, so that free-form
 * parts of a remote document can live inside immutable values.
 */
public final class JsonValues {
  private JsonValues() {}

  /**
   * A deeply unmodifiable copy of a JSON-like value.
   *
   * @param value a map, list, scalar or null
   * @return the same structure, unmodifiable at every level
   */
  public static Object freeze(Object value) {
    if (value instanceof Map) {
      return freezeMap((Map<?, ?>) value);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<?>) value) {
        copy.add(freeze(item));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /**
   * A deeply unmodifiable copy of a JSON object.
   *
   * @param map the object, keys in document order
   * @return an unmodifiable copy with the same key order
   */
  public static Map<String, Object> freezeMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      copy.put(String.valueOf(entry.getKey()), freeze(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }
}
