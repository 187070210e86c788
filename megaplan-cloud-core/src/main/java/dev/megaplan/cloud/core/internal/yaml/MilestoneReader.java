package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.chain.Milestone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a chain spec's {@code milestones}: required {@code label} and {@code idea}, typed optional
 * fields, unique labels, and {@code depends_on} that names only earlier milestones.
 */
final class MilestoneReader {
  static final List<String> VENDORS = List.of("claude", "codex");
  static final List<String> DEPTHS = List.of("minimal", "low", "medium", "high", "max");
  static final List<String> CRITICS = List.of("kimi", "cross");
  static final List<String> DEEPSEEK_PROVIDERS = List.of("direct");

  private MilestoneReader() {}

  static List<Milestone> readAll(YamlMap doc) {
    Optional<YamlValue> value = doc.get("milestones");
    if (value.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> indexByLabel = new LinkedHashMap<>();
    Set<String> allLabels = new HashSet<>();
    List<YamlValue> items = value.get().asList();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).isMap()) {
        items
            .get(i)
            .asMap()
            .get("label")
            .filter(YamlValue::isScalar)
            .ifPresent(l -> allLabels.add(l.asString()));
      }
    }
    List<Milestone> milestones = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      YamlMap entry = items.get(i).asMap();
      YamlValue labelValue = entry.require("label");
      String label = labelValue.asNonEmptyString();
      Integer earlier = indexByLabel.get(label);
      if (earlier != null) {
        throw labelValue.error(
            "duplicates milestones[" + earlier + "].label '" + label + "'; labels must be unique");
      }
      Milestone milestone = read(entry, label, indexByLabel, allLabels);
      indexByLabel.put(label, i);
      milestones.add(milestone);
    }
    return milestones;
  }

  private static Milestone read(
      YamlMap entry, String label, Map<String, Integer> earlier, Set<String> all) {
    Milestone.Builder m =
        Milestone.builder().label(label).idea(entry.require("idea").asNonEmptyString());
    text(entry, "branch", m::branch);
    text(entry, "profile", m::profile);
    text(entry, "robustness", m::robustness);
    text(entry, "prep_direction", m::prepDirection);
    text(entry, "notes", m::notes);
    entry.get("vendor").ifPresent(v -> m.vendor(v.asOneOf(VENDORS)));
    entry.get("depth").ifPresent(v -> m.depth(v.asOneOf(DEPTHS)));
    entry.get("critic").ifPresent(v -> m.critic(v.asOneOf(CRITICS)));
    entry
        .get("deepseek_provider")
        .ifPresent(v -> m.deepseekProvider(v.asOneOf(DEEPSEEK_PROVIDERS)));
    entry.get("with_prep").ifPresent(v -> m.withPrep(v.asBoolean()));
    entry.get("with_feedback").ifPresent(v -> m.withFeedback(v.asBoolean()));
    entry.get("prep_clarify").ifPresent(v -> m.prepClarify(v.asBoolean()));
    entry.get("phase_model").ifPresent(v -> m.phaseModel(stringOrList(v)));
    entry.get("bakeoff").ifPresent(v -> m.bakeoff(v.asMap().toJava()));
    entry.get("depends_on").ifPresent(v -> m.dependsOn(dependsOn(v, label, earlier, all)));
    return m.build();
  }

  private static void text(YamlMap entry, String key, Consumer<String> sink) {
    entry.get(key).ifPresent(v -> sink.accept(v.asString()));
  }

  private static List<String> stringOrList(YamlValue value) {
    if (value.isScalar()) {
      return List.of(value.asNonEmptyString());
    }
    if (!value.isList()) {
      throw value.error("must be a string or a list of strings, got " + value.describe());
    }
    List<String> strings = new ArrayList<>();
    for (YamlValue item : value.asList()) {
      strings.add(item.asNonEmptyString());
    }
    return strings;
  }

  private static List<String> dependsOn(
      YamlValue value, String label, Map<String, Integer> earlier, Set<String> all) {
    List<YamlValue> items = value.isList() ? value.asList() : List.of(value);
    List<String> labels = new ArrayList<>();
    for (YamlValue item : items) {
      if (!item.isScalar()) {
        throw item.error("must be a milestone label or a list of labels, got " + item.describe());
      }
      String dependency = item.asNonEmptyString();
      if (dependency.equals(label)) {
        throw item.error(
            "names the milestone itself ('" + label + "'); a milestone cannot depend on itself");
      }
      if (!earlier.containsKey(dependency)) {
        throw item.error(
            all.contains(dependency)
                ? "names '"
                    + dependency
                    + "', which comes later; a milestone may only depend on milestones listed before it"
                : "names unknown milestone '" + dependency + "'");
      }
      labels.add(dependency);
    }
    return labels;
  }
}
