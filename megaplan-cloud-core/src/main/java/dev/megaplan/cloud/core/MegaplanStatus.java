package dev.megaplan.cloud.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code LAUNCHER status [--plan P]} printed on the box (03 "Other wrappers"): one JSON
 * object, redacted, kept as text (printed unchanged by {@code megaplan-cloud status}) and as the
 * parsed fields.
 *
 * @param json the JSON object as megaplan printed it (redacted, surrounding whitespace removed)
 * @param fields the object's fields: JSON-like JDK values (maps, lists, strings, numbers, booleans,
 *     nulls)
 */
public record MegaplanStatus(String json, Map<String, Object> fields) {
  /** Copies the fields. */
  public MegaplanStatus {
    Objects.requireNonNull(json, "json");
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * The step megaplan would run next ({@code next_step}), when it is a non-empty string.
   *
   * @return the step, such as {@code execute}
   */
  public Optional<String> nextStep() {
    Object step = fields.get("next_step");
    return step instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  @Override
  public String toString() {
    return "MegaplanStatus" + json;
  }
}
