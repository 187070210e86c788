package dev.megaplan.cloud.testkit.emulator;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The parts of a chain spec (spec 02) the emulator acts on: the milestone labels, whether PRs wait
 * for review ({@code merge_policy: review} or its alias {@code manual}), and the scenario.
 */
final class ChainSpec {
  private final Path path;
  private final List<String> labels;
  private final boolean reviewMerges;
  private final Scenario scenario;

  private ChainSpec(Path path, List<String> labels, boolean reviewMerges, Scenario scenario) {
    this.path = path;
    this.labels = Collections.unmodifiableList(labels);
    this.reviewMerges = reviewMerges;
    this.scenario = scenario;
  }

  /**
   * Reads the chain spec at the absolute, normalized {@code path}.
   *
   * @throws EmulatorException exit 1 when the file cannot be read, exit 2 when it is not a chain
   *     spec the emulator understands
   */
  static ChainSpec load(Path path) {
    String text;
    try {
      text = TextFiles.readText(path);
    } catch (NoSuchFileException missing) {
      throw EmulatorException.failure("chain spec not found: " + path, missing);
    } catch (IOException unreadable) {
      throw EmulatorException.failure(
          "cannot read chain spec " + path + ": " + unreadable.getMessage(), unreadable);
    }
    Object document;
    try {
      document = YamlSubsetReader.read(text);
    } catch (IllegalArgumentException syntax) {
      throw EmulatorException.usage("chain spec " + path + ": " + syntax.getMessage());
    }
    try {
      return parse(path, document);
    } catch (EmulatorException invalid) {
      throw EmulatorException.usage("chain spec " + path + ": " + invalid.getMessage());
    }
  }

  private static ChainSpec parse(Path path, Object document) {
    if (document != null && !(document instanceof Map)) {
      throw EmulatorException.usage("a chain spec must be a mapping");
    }
    Map<?, ?> root = document == null ? Map.of() : (Map<?, ?>) document;
    List<String> labels = labels(root.get("milestones"));
    return new ChainSpec(
        path,
        labels,
        reviewMerges(root.get("merge_policy")),
        Scenario.from(root.get("emulator"), labels));
  }

  private static List<String> labels(Object milestones) {
    List<String> labels = new ArrayList<>();
    if (milestones == null) {
      return labels;
    }
    if (!(milestones instanceof List)) {
      throw EmulatorException.usage("milestones must be a list");
    }
    List<?> items = (List<?>) milestones;
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      Object label = item instanceof Map ? ((Map<?, ?>) item).get("label") : null;
      if (label == null || String.valueOf(label).isBlank()) {
        throw EmulatorException.usage("milestones[" + i + "].label is required");
      }
      if (labels.contains(String.valueOf(label))) {
        throw EmulatorException.usage("milestones[" + i + "].label '" + label + "' is a duplicate");
      }
      labels.add(String.valueOf(label));
    }
    return labels;
  }

  private static boolean reviewMerges(Object policy) {
    if (policy == null || "auto".equals(policy)) {
      return false;
    }
    if ("review".equals(policy) || "manual".equals(policy)) {
      return true;
    }
    throw EmulatorException.usage(
        "merge_policy must be auto, review or manual, got '" + policy + "'");
  }

  Path path() {
    return path;
  }

  /** The directory holding the spec: the workspace megaplan works in. */
  Path workspace() {
    return path.getParent();
  }

  Path statePath() {
    return ChainStatePath.forSpec(path);
  }

  /** The directory of plan {@code planName} in this chain's workspace. */
  Path planDirectory(String planName) {
    return workspace().resolve(".megaplan").resolve("plans").resolve(planName);
  }

  List<String> labels() {
    return labels;
  }

  int milestoneCount() {
    return labels.size();
  }

  /** The index of the milestone whose plan is {@code planName}, or -1. */
  int indexOfPlan(String planName) {
    for (int i = 0; i < labels.size(); i++) {
      if (Slugs.planName(labels.get(i)).equals(planName)) {
        return i;
      }
    }
    return -1;
  }

  boolean reviewMerges() {
    return reviewMerges;
  }

  Scenario scenario() {
    return scenario;
  }
}
