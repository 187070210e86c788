package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.chain.Milestone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a chain spec's {@code milestones} as megaplan does, in its order: each milestone's fields
 * in turn ({@code label} and {@code idea} required), then, once every milestone is read, the {@code
 * depends_on} edges (each must name a milestone listed before it). A repeated label loads with a
 * warning, as megaplan runs it.
 */
final class MilestoneReader {
  static final List<String> VENDORS = List.of("claude", "codex");
  static final List<String> DEPTHS = List.of("minimal", "low", "medium", "high", "xhigh", "max");
  static final List<String> CRITICS = List.of("kimi", "cross");
  static final List<String> DEEPSEEK_PROVIDERS = List.of("direct", "fireworks");

  private MilestoneReader() {}

  /** A milestone, where its label is written, and its {@code depends_on} edges. */
  private record Read(Milestone milestone, YamlValue label, List<Dependency> dependencies) {}

  /** One {@code depends_on} label and where it is written. */
  private record Dependency(String label, YamlValue at) {}

  static List<Milestone> readAll(YamlMap doc, List<String> warnings) {
    Optional<YamlValue> value = doc.written("milestones");
    if (value.isEmpty() || value.get().isFalsy()) {
      value
          .filter(v -> !v.isNull() && !v.isList())
          .ifPresent(
              v ->
                  warnings.add(
                      "milestones is "
                          + v.describe()
                          + v.location()
                          + "; megaplan reads no milestones"));
      return List.of();
    }
    List<Read> read = new ArrayList<>();
    for (YamlValue item : value.get().asList()) {
      read.add(read(item));
    }
    warnRepeatedLabels(read, warnings);
    checkDependencies(read);
    return read.stream().map(Read::milestone).toList();
  }

  private static Read read(YamlValue item) {
    YamlMap entry = item.asMap();
    YamlValue label = required(entry, "label");
    Milestone.Builder m =
        Milestone.builder()
            .label(label.asNonEmptyString())
            .idea(required(entry, "idea").asNonEmptyString());
    text(entry, "branch", m::branch);
    text(entry, "profile", m::profile);
    text(entry, "robustness", m::robustness);
    entry.get("vendor").ifPresent(v -> m.vendor(v.asOneOf(VENDORS)));
    entry.get("depth").ifPresent(v -> m.depth(v.asOneOf(DEPTHS)));
    entry.get("critic").ifPresent(v -> m.critic(v.asOneOf(CRITICS)));
    entry
        .get("deepseek_provider")
        .ifPresent(v -> m.deepseekProvider(v.asOneOf(DEEPSEEK_PROVIDERS)));
    // megaplan defaults a missing with_prep/with_feedback but refuses one written as null
    entry.written("with_prep").ifPresent(v -> m.withPrep(v.asBoolean()));
    entry.written("with_feedback").ifPresent(v -> m.withFeedback(v.asBoolean()));
    entry.get("prep_clarify").ifPresent(v -> m.prepClarify(v.asBoolean()));
    entry.get("prep_direction").ifPresent(v -> m.prepDirection(v.asNonEmptyString().strip()));
    entry.written("phase_model").ifPresent(v -> m.phaseModel(phaseModel(v)));
    entry.get("bakeoff").ifPresent(v -> m.bakeoff(v.asMap().toJava()));
    text(entry, "notes", m::notes);
    List<Dependency> dependencies =
        entry.written("depends_on").map(MilestoneReader::dependsOn).orElse(List.of());
    dependencies.forEach(d -> m.addDependsOn(d.label()));
    return new Read(m.build(), label, dependencies);
  }

  private static YamlValue required(YamlMap entry, String key) {
    return entry.get(key).orElseThrow(() -> entry.missing(key, ""));
  }

  private static void text(YamlMap entry, String key, Consumer<String> sink) {
    entry.get(key).ifPresent(v -> sink.accept(v.asString()));
  }

  /** A string, a list of strings, or anything falsy (no phase models), as megaplan reads it. */
  private static List<String> phaseModel(YamlValue value) {
    if (value.isFalsy()) {
      return List.of();
    }
    if (value.isString()) {
      return List.of(value.asString());
    }
    if (!value.isList()) {
      throw value.error("must be a string or a list of strings, got " + value.describe());
    }
    List<String> strings = new ArrayList<>();
    for (YamlValue item : value.asList()) {
      strings.add(item.asString());
    }
    return strings;
  }

  /**
   * The written labels: one string as written, or a list of non-blank strings, each stripped.
   * Anything falsy means none.
   */
  private static List<Dependency> dependsOn(YamlValue value) {
    if (value.isFalsy()) {
      return List.of();
    }
    if (value.isString()) {
      return List.of(new Dependency(value.asString(), value));
    }
    if (!value.isList()) {
      throw value.error("must be a milestone label or a list of labels, got " + value.describe());
    }
    List<Dependency> dependencies = new ArrayList<>();
    for (YamlValue item : value.asList()) {
      dependencies.add(new Dependency(item.asNonEmptyString().strip(), item));
    }
    return dependencies;
  }

  private static void warnRepeatedLabels(List<Read> read, List<String> warnings) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < read.size(); i++) {
      String label = read.get(i).milestone().label();
      Integer earlier = first.putIfAbsent(label, i);
      if (earlier != null) {
        warnings.add(
            read.get(i).label().path()
                + " '"
                + label
                + "' repeats milestones["
                + earlier
                + "].label"
                + read.get(i).label().location()
                + "; megaplan runs both, and status matches completed milestones by label, so"
                + " both report the same progress");
      }
    }
  }

  private static void checkDependencies(List<Read> read) {
    Set<String> all = new HashSet<>();
    read.forEach(r -> all.add(r.milestone().label()));
    Set<String> earlier = new HashSet<>();
    for (Read r : read) {
      for (Dependency d : r.dependencies()) {
        String dependency = d.label();
        YamlValue at = d.at();
        if (dependency.equals(r.milestone().label())) {
          throw at.error(
              "names the milestone itself ('"
                  + dependency
                  + "'); a milestone cannot depend on itself");
        }
        if (!all.contains(dependency)) {
          throw at.error("names unknown milestone '" + dependency + "'");
        }
        if (!earlier.contains(dependency)) {
          throw at.error(
              "names '"
                  + dependency
                  + "', which comes later; a milestone may only depend on milestones listed"
                  + " before it");
        }
      }
      earlier.add(r.milestone().label());
    }
  }
}
