package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.DriverSettings;
import dev.megaplan.cloud.api.chain.FailureAction;
import dev.megaplan.cloud.api.chain.FailurePolicy;
import dev.megaplan.cloud.api.chain.MergePolicy;
import dev.megaplan.cloud.api.chain.PolicyLevel;
import dev.megaplan.cloud.api.chain.ReviewMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps a composed chain.yaml to a {@link ChainSpec} the way megaplan's own loader reads it, check
 * for check and in its order (so the first error is the one megaplan would report): {@code
 * base_branch}, the milestones, their {@code depends_on} edges, {@code seed}, {@code on_failure},
 * {@code on_escalate}, {@code merge_policy}, {@code prerequisite_policy}, {@code
 * validation_policy}, {@code review_policy}, {@code driver}. What megaplan accepts loads here,
 * oddities (a number written as text, a repeated label, a duplicate key) as warnings; what it
 * refuses is {@code invalid_spec}. Unknown keys anywhere are kept in {@link ChainSpec#document()}
 * and otherwise ignored: the format belongs to megaplan. Milestones are read by {@link
 * MilestoneReader}.
 */
public final class ChainSpecReader {
  private static final List<String> ACTIONS =
      Arrays.stream(FailureAction.values())
          .map(FailureAction::wireName)
          .collect(Collectors.toList());
  private static final List<String> FAILURE_CASES = List.of("retry", "escalate", "abort");

  private ChainSpecReader() {}

  /**
   * A spec and the warnings found while reading it.
   *
   * @param spec the spec
   * @param warnings the warnings, in the order megaplan reads the fields
   */
  public record Result(ChainSpec spec, List<String> warnings) {
    /** Copies the warnings. */
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Reads a composed document.
   *
   * @param composed the composed document; an empty one reads as an empty mapping
   * @param sourceName the file name used in messages
   * @return the spec and its warnings
   * @throws CloudException {@code invalid_spec} naming the field, with {@code (file:LINE:COL)}
   */
  public static Result read(YamlDocuments.Composed composed, String sourceName) {
    List<String> warnings = new ArrayList<>(composed.warnings());
    if (composed.root().isEmpty()) {
      return new Result(ChainSpec.builder().document(Map.of()).build(), warnings);
    }
    YamlValue root = YamlValue.root(composed.root().get(), sourceName);
    if (!root.isMap()) {
      if (!root.isFalsy()) {
        throw new CloudException(
            ErrorCode.INVALID_SPEC, "chain spec must be a YAML mapping" + root.location());
      }
      warnings.add(
          "the document is "
              + root.describe()
              + root.location()
              + "; megaplan reads an empty chain");
      return new Result(ChainSpec.builder().document(Map.of()).build(), warnings);
    }
    YamlMap doc = root.asMap();
    ChainSpec.Builder spec = ChainSpec.builder();
    doc.written("base_branch").ifPresent(v -> spec.baseBranch(v.asNonEmptyString().strip()));
    spec.milestones(MilestoneReader.readAll(doc, warnings));
    block(doc, "seed", warnings)
        .flatMap(seed -> seed.get("plan"))
        .map(YamlValue::asString)
        .filter(plan -> !plan.isBlank())
        .ifPresent(spec::seedPlan);
    doc.get("on_failure").ifPresent(v -> spec.onFailure(failurePolicy(v, warnings)));
    doc.get("on_escalate").ifPresent(v -> spec.onEscalate(failurePolicy(v, warnings)));
    doc.written("merge_policy").ifPresent(v -> spec.mergePolicy(mergePolicy(v)));
    doc.written("prerequisite_policy").ifPresent(v -> spec.prerequisitePolicy(policyLevel(v)));
    doc.written("validation_policy").ifPresent(v -> spec.validationPolicy(policyLevel(v)));
    block(doc, "review_policy", warnings)
        .flatMap(review -> review.written("clean_milestone_pr"))
        .ifPresent(
            mode ->
                spec.cleanMilestonePr(
                    ReviewMode.valueOf(upper(mode.asOneOf(List.of("auto", "manual"))))));
    block(doc, "driver", warnings).ifPresent(driver -> spec.driver(driver(driver, warnings)));
    return new Result(spec.document(doc.toJava()).build(), warnings);
  }

  /**
   * A block megaplan reads as {@code raw.get(name) or {}}: anything falsy is no block (with a
   * warning unless it is null or an empty mapping), anything else must be a mapping.
   */
  private static Optional<YamlMap> block(YamlMap doc, String name, List<String> warnings) {
    Optional<YamlValue> value = doc.written(name);
    if (value.isEmpty() || value.get().isNull()) {
      return Optional.empty();
    }
    if (!value.get().isMap() && value.get().isFalsy()) {
      warnings.add(
          name
              + " is "
              + value.get().describe()
              + value.get().location()
              + "; megaplan reads it as an empty mapping");
      return Optional.empty();
    }
    return Optional.of(value.get().asMap());
  }

  private static MergePolicy mergePolicy(YamlValue value) {
    String policy = value.asOneOf(List.of("auto", "review", "manual"));
    return policy.equals("auto") ? MergePolicy.AUTO : MergePolicy.REVIEW;
  }

  private static PolicyLevel policyLevel(YamlValue value) {
    return PolicyLevel.valueOf(upper(value.asOneOf(List.of("none", "required"))));
  }

  /**
   * An action, or a mapping of {@code retry}, {@code escalate}, {@code abort} to actions; megaplan
   * ignores other keys (a warning here) and treats a mapping without actions as {@code stop_chain}.
   */
  private static FailurePolicy failurePolicy(YamlValue value, List<String> warnings) {
    if (value.isString()) {
      return FailurePolicy.builder().single(action(value)).build();
    }
    if (!value.isMap()) {
      throw value.error(
          "must be an action or a mapping of retry, escalate, abort to actions, got "
              + value.describe());
    }
    YamlMap cases = value.asMap();
    FailurePolicy.Builder policy = FailurePolicy.builder();
    int actions = 0;
    for (String key : cases.keys()) {
      if (!FAILURE_CASES.contains(key)) {
        warnings.add(
            "unknown key '"
                + YamlPaths.child(value.path(), key)
                + "'"
                + cases.written(key).orElseThrow().location()
                + "; megaplan reads only retry, escalate and abort");
        continue;
      }
      Optional<YamlValue> action = cases.get(key);
      if (action.isPresent()) {
        policy.putByCase(key, action(action.get()));
        actions++;
      }
    }
    return actions == 0 ? FailurePolicy.stopChain() : policy.build();
  }

  private static FailureAction action(YamlValue value) {
    return FailureAction.valueOf(upper(value.asOneOf(ACTIONS)));
  }

  /**
   * The driver block, read as megaplan reads it: {@code int(...)}/{@code float(...)} for the
   * numbers (so {@code '5'} is 5, with a warning), {@code bool(...)} for {@code auto_approve} (so
   * the string {@code 'false'} is true, with a warning), {@code max_stall_iterations} before its
   * alias {@code stall_threshold}.
   */
  private static DriverSettings driver(YamlMap driver, List<String> warnings) {
    DriverSettings.Builder settings = DriverSettings.builder();
    Optional<YamlValue> stall =
        driver.written("max_stall_iterations").or(() -> driver.written("stall_threshold"));
    stall.ifPresent(v -> settings.maxStallIterations(positiveInt(v, warnings)));
    if (driver.written("max_stall_iterations").isPresent()
        && driver.written("stall_threshold").isPresent()) {
      warnings.add(
          "driver.stall_threshold"
              + driver.written("stall_threshold").orElseThrow().location()
              + " is ignored: megaplan reads driver.max_stall_iterations first");
    }
    driver
        .written("max_iterations")
        .ifPresent(v -> settings.maxIterations(positiveInt(v, warnings)));
    driver.written("poll_sleep").ifPresent(v -> settings.pollSleep(positive(v, warnings)));
    driver.written("phase_timeout").ifPresent(v -> settings.phaseTimeout(positive(v, warnings)));
    driver.written("status_timeout").ifPresent(v -> settings.statusTimeout(positive(v, warnings)));
    driver
        .written("on_escalate")
        .ifPresent(v -> settings.onEscalate(v.asOneOf(List.of("force-proceed", "abort", "fail"))));
    driver.written("robustness").ifPresent(v -> settings.robustness(v.asString()));
    driver
        .written("auto_approve")
        .ifPresent(v -> settings.autoApprove(PythonCoercion.truthiness(v, warnings)));
    driver.written("require_clean_base").ifPresent(v -> settings.requireCleanBase(v.asBoolean()));
    return settings.build();
  }

  private static int positiveInt(YamlValue value, List<String> warnings) {
    int number = PythonCoercion.toInt(value, warnings);
    if (number < 1) {
      warnings.add(notPositive(value, String.valueOf(number)));
    }
    return number;
  }

  private static double positive(YamlValue value, List<String> warnings) {
    double number = PythonCoercion.toFloat(value, warnings);
    if (!(number > 0) || Double.isInfinite(number)) {
      warnings.add(notPositive(value, String.valueOf(number)));
    }
    return number;
  }

  private static String notPositive(YamlValue value, String number) {
    return value.path()
        + " is "
        + number
        + value.location()
        + ", not a positive finite number; megaplan takes it as written";
  }

  private static String upper(String wireName) {
    return wireName.toUpperCase(Locale.ROOT);
  }
}
