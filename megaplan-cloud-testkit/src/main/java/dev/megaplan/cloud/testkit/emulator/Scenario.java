package dev.megaplan.cloud.testkit.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the chain spec's top-level {@code emulator:} block asks of a run: how long a milestone takes
 * and which milestones fail, stall on a prerequisite, or wait for a human verification.
 */
final class Scenario {
  /** Milliseconds a milestone takes when the block does not say. */
  static final long DEFAULT_STEP_MS = 500;

  /** First PR number when the block does not say; milestone {@code i} gets {@code base + i}. */
  static final long DEFAULT_PR_NUMBER_BASE = 100;

  /** A human-verification gate that the human has not passed yet. */
  static final String PENDING = "pending";

  /** A human-verification gate that the human has passed. */
  static final String PASSED = "passed";

  private static final List<String> KNOWN_KEYS =
      List.of("step_ms", "fail", "prerequisite", "human_verify", "pr_number_base", "hold");

  private final long stepMillis;
  private final Set<String> failing;
  private final Set<String> prerequisites;
  private final Map<String, String> humanVerify;
  private final long prNumberBase;
  private final Set<String> held;

  private Scenario(
      long stepMillis,
      Set<String> failing,
      Set<String> prerequisites,
      Map<String, String> humanVerify,
      long prNumberBase,
      Set<String> held) {
    this.stepMillis = stepMillis;
    this.failing = Collections.unmodifiableSet(failing);
    this.prerequisites = Collections.unmodifiableSet(prerequisites);
    this.humanVerify = Collections.unmodifiableMap(humanVerify);
    this.prNumberBase = prNumberBase;
    this.held = Collections.unmodifiableSet(held);
  }

  /**
   * Reads the {@code emulator:} block (absent or empty means every default).
   *
   * @param block the parsed block, or {@code null}
   * @param labels the chain's milestone labels, which every label in the block must name
   * @throws EmulatorException (exit 2) for an unknown key, a malformed value or an unknown label
   */
  static Scenario from(Object block, List<String> labels) {
    if (block == null) {
      return new Scenario(
          DEFAULT_STEP_MS,
          new LinkedHashSet<>(),
          new LinkedHashSet<>(),
          new LinkedHashMap<>(),
          DEFAULT_PR_NUMBER_BASE,
          new LinkedHashSet<>());
    }
    if (!(block instanceof Map)) {
      throw EmulatorException.usage("the emulator block must be a mapping");
    }
    Map<?, ?> map = (Map<?, ?>) block;
    for (Object key : map.keySet()) {
      if (!KNOWN_KEYS.contains(String.valueOf(key))) {
        throw EmulatorException.usage(
            "unknown key 'emulator."
                + key
                + "' (known keys: "
                + String.join(", ", KNOWN_KEYS)
                + ")");
      }
    }
    return new Scenario(
        nonNegative(map, "step_ms", DEFAULT_STEP_MS),
        labelSet(map.get("fail"), "fail", labels),
        labelSet(map.get("prerequisite"), "prerequisite", labels),
        verdicts(map.get("human_verify"), labels),
        nonNegative(map, "pr_number_base", DEFAULT_PR_NUMBER_BASE),
        labelSet(map.get("hold"), "hold", labels));
  }

  long stepMillis() {
    return stepMillis;
  }

  boolean fails(String label) {
    return failing.contains(label);
  }

  boolean stallsOnPrerequisite(String label) {
    return prerequisites.contains(label);
  }

  /** Whether milestone {@code label} has a human-verification gate, pending or passed. */
  boolean hasHumanGate(String label) {
    return humanVerify.containsKey(label);
  }

  /** Whether milestone {@code label} waits for a human verification that has not happened. */
  boolean awaitsHuman(String label) {
    return PENDING.equals(humanVerify.get(label));
  }

  /**
   * Whether milestone {@code label} stays running after its step until it is released (a file
   * {@code <label>.release} beside the chain spec), so a test can observe a live runner for as long
   * as it needs, however slow the machine.
   */
  boolean holds(String label) {
    return held.contains(label);
  }

  long prNumberBase() {
    return prNumberBase;
  }

  private static long nonNegative(Map<?, ?> map, String key, long fallback) {
    if (!map.containsKey(key) || map.get(key) == null) {
      return fallback;
    }
    Object value = map.get(key);
    if (!(value instanceof Long) || (Long) value < 0) {
      throw EmulatorException.usage(
          "emulator." + key + " must be a non-negative integer, got '" + value + "'");
    }
    return (Long) value;
  }

  private static Set<String> labelSet(Object value, String key, List<String> labels) {
    Set<String> result = new LinkedHashSet<>();
    if (value == null) {
      return result;
    }
    List<Object> items = new ArrayList<>();
    if (value instanceof List) {
      items.addAll((List<?>) value);
    } else if (value instanceof Map) {
      throw EmulatorException.usage("emulator." + key + " must be a list of milestone labels");
    } else {
      items.add(value);
    }
    for (Object item : items) {
      result.add(knownLabel(item, key, labels));
    }
    return result;
  }

  private static Map<String, String> verdicts(Object value, List<String> labels) {
    Map<String, String> result = new LinkedHashMap<>();
    if (value == null) {
      return result;
    }
    if (!(value instanceof Map)) {
      throw EmulatorException.usage(
          "emulator.human_verify must be a mapping of milestone label to pending|passed");
    }
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      String label = knownLabel(entry.getKey(), "human_verify", labels);
      String verdict = String.valueOf(entry.getValue());
      if (!PENDING.equals(verdict) && !PASSED.equals(verdict)) {
        throw EmulatorException.usage(
            "emulator.human_verify."
                + label
                + " must be 'pending' or 'passed', got '"
                + verdict
                + "'");
      }
      result.put(label, verdict);
    }
    return result;
  }

  private static String knownLabel(Object item, String key, List<String> labels) {
    String label = String.valueOf(item);
    if (!labels.contains(label)) {
      throw EmulatorException.usage(
          "emulator."
              + key
              + " names unknown milestone '"
              + label
              + "' (milestones: "
              + String.join(", ", labels)
              + ")");
    }
    return label;
  }
}
