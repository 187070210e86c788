package dev.megaplan.cloud.testkit.emulator;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chain-state JSON object (spec 02) as a mutable map: the fields the emulator owns are read and
 * set through typed accessors; every other field, known or not, is kept as it was, in its place.
 */
final class ChainState {
  private final Path file;
  private final Map<String, Object> fields;

  private ChainState(Path file, Map<String, Object> fields) {
    this.file = file;
    this.fields = fields;
  }

  /**
   * The state in {@code file}; a fresh state (index -1) when the file does not exist.
   *
   * @throws EmulatorException (exit 1) when the file is not a JSON object
   */
  static ChainState load(Path file) {
    String text;
    try {
      text = TextFiles.readText(file);
    } catch (NoSuchFileException absent) {
      Map<String, Object> fresh = new LinkedHashMap<>();
      fresh.put("schema_version", 0L);
      fresh.put("current_milestone_index", -1L);
      fresh.put("current_plan_name", null);
      fresh.put("last_state", null);
      fresh.put("completed", new ArrayList<>());
      return new ChainState(file, fresh);
    } catch (IOException unreadable) {
      throw EmulatorException.failure(
          "cannot read chain state " + file + ": " + unreadable.getMessage(), unreadable);
    }
    Object parsed;
    try {
      parsed = JsonReader.parse(text);
    } catch (IllegalArgumentException invalid) {
      throw EmulatorException.failure(
          "chain state " + file + " is not valid JSON: " + invalid.getMessage(), invalid);
    }
    if (!(parsed instanceof Map)) {
      throw EmulatorException.failure("chain state " + file + " is not a JSON object", null);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) parsed;
    return new ChainState(file, fields);
  }

  /** Writes the state atomically. */
  void save() {
    try {
      TextFiles.write(file, JsonWriter.write(fields) + "\n");
    } catch (IOException failed) {
      throw EmulatorException.failure(
          "cannot write chain state " + file + ": " + failed.getMessage(), failed);
    }
  }

  int currentIndex() {
    Object value = fields.get("current_milestone_index");
    return value instanceof Long ? (int) (long) (Long) value : -1;
  }

  void currentIndex(int index) {
    fields.put("current_milestone_index", (long) index);
  }

  /** The plan being driven, or {@code null}. */
  String currentPlan() {
    Object value = fields.get("current_plan_name");
    return value instanceof String ? (String) value : null;
  }

  void currentPlan(String plan) {
    fields.put("current_plan_name", plan);
  }

  /** The driver's last state ({@code running}, {@code done}, …), or {@code null}. */
  String lastState() {
    Object value = fields.get("last_state");
    return value instanceof String ? (String) value : null;
  }

  void lastState(String state) {
    fields.put("last_state", state);
  }

  /** Whether {@code completed} holds an entry whose label is {@code label}. */
  boolean isCompleted(String label) {
    Object completed = fields.get("completed");
    if (!(completed instanceof List)) {
      return false;
    }
    for (Object entry : (List<?>) completed) {
      if (entry instanceof Map && label.equals(((Map<?, ?>) entry).get("label"))) {
        return true;
      }
    }
    return false;
  }

  /** Appends {@code {"label": label}} to {@code completed} (replacing a malformed list). */
  void markCompleted(String label) {
    Object completed = fields.get("completed");
    List<Object> list;
    if (completed instanceof List) {
      @SuppressWarnings("unchecked")
      List<Object> existing = (List<Object>) completed;
      list = existing;
    } else {
      list = new ArrayList<>();
      fields.put("completed", list);
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("label", label);
    list.add(entry);
  }

  /** The current PR's number, or -1. */
  long prNumber() {
    Object value = fields.get("pr_number");
    return value instanceof Long ? (Long) value : -1;
  }

  void pullRequest(long number, String state) {
    fields.put("pr_number", number);
    fields.put("pr_state", state);
  }

  void prState(String state) {
    fields.put("pr_state", state);
  }
}
