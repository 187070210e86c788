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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Maps a composed chain.yaml to a {@link ChainSpec} (spec 02's table). Unknown keys anywhere are
 * kept in {@link ChainSpec#document()} and otherwise ignored: the format belongs to megaplan.
 * Milestones are read by {@link MilestoneReader}.
 */
public final class ChainSpecReader {
  private static final List<String> ACTIONS =
      Arrays.stream(FailureAction.values())
          .map(FailureAction::wireName)
          .collect(Collectors.toList());
  private static final List<String> FAILURE_CASES = List.of("retry", "escalate", "abort");

  private ChainSpecReader() {}

  /**
   * Reads a composed document.
   *
   * @param root the root node, empty for an empty document (read as an empty mapping)
   * @param sourceName the file name used in messages
   * @return the spec
   * @throws CloudException {@code invalid_spec} naming the field, with {@code (file:LINE:COL)}
   */
  public static ChainSpec read(Optional<Node> root, String sourceName) {
    if (root.isEmpty()) {
      return ChainSpec.builder().document(Map.of()).build();
    }
    if (!(root.get() instanceof MappingNode)) {
      throw new CloudException(
          ErrorCode.INVALID_SPEC,
          "chain spec must be a YAML mapping" + YamlLocation.suffix(sourceName, root.get()));
    }
    YamlMap doc = YamlValue.root(root.get(), sourceName).asMap();
    ChainSpec.Builder spec =
        ChainSpec.builder().milestones(MilestoneReader.readAll(doc)).document(doc.toJava());
    doc.get("seed")
        .ifPresent(
            seed -> seed.asMap().get("plan").ifPresent(p -> spec.seedPlan(p.asNonEmptyString())));
    doc.get("base_branch").ifPresent(v -> spec.baseBranch(v.asNonEmptyString()));
    doc.get("merge_policy").ifPresent(v -> spec.mergePolicy(mergePolicy(v)));
    doc.get("on_failure").ifPresent(v -> spec.onFailure(failurePolicy(v)));
    doc.get("on_escalate").ifPresent(v -> spec.onEscalate(failurePolicy(v)));
    doc.get("prerequisite_policy").ifPresent(v -> spec.prerequisitePolicy(policyLevel(v)));
    doc.get("validation_policy").ifPresent(v -> spec.validationPolicy(policyLevel(v)));
    doc.get("review_policy")
        .ifPresent(
            v ->
                v.asMap()
                    .get("clean_milestone_pr")
                    .ifPresent(
                        mode ->
                            spec.cleanMilestonePr(
                                ReviewMode.valueOf(
                                    upper(mode.asOneOf(List.of("auto", "manual")))))));
    doc.get("driver").ifPresent(v -> spec.driver(driver(v.asMap())));
    return spec.build();
  }

  private static MergePolicy mergePolicy(YamlValue value) {
    String policy = value.asOneOf(List.of("auto", "review", "manual"));
    return policy.equals("auto") ? MergePolicy.AUTO : MergePolicy.REVIEW;
  }

  private static PolicyLevel policyLevel(YamlValue value) {
    return PolicyLevel.valueOf(upper(value.asOneOf(List.of("none", "required"))));
  }

  private static FailurePolicy failurePolicy(YamlValue value) {
    if (value.isScalar()) {
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
        throw new CloudException(
            ErrorCode.INVALID_SPEC,
            YamlPaths.child(value.path(), key)
                + " is not a failure case; use "
                + String.join(", ", FAILURE_CASES)
                + cases.location());
      }
      Optional<YamlValue> action = cases.get(key);
      if (action.isPresent()) {
        policy.putByCase(key, action(action.get()));
        actions++;
      }
    }
    if (actions == 0) {
      throw value.error("must name an action for at least one of retry, escalate, abort");
    }
    return policy.build();
  }

  private static FailureAction action(YamlValue value) {
    return FailureAction.valueOf(upper(value.asOneOf(ACTIONS)));
  }

  private static DriverSettings driver(YamlMap driver) {
    DriverSettings.Builder settings = DriverSettings.builder();
    OptionalInt stall = ProviderBlocksReader.maxStallIterations(driver);
    stall.ifPresent(settings::maxStallIterations);
    driver
        .get("max_iterations")
        .ifPresent(v -> settings.maxIterations(v.asIntInRange(1, Integer.MAX_VALUE)));
    driver.get("poll_sleep").ifPresent(v -> settings.pollSleep(v.asPositiveNumber()));
    driver.get("phase_timeout").ifPresent(v -> settings.phaseTimeout(v.asPositiveNumber()));
    driver.get("status_timeout").ifPresent(v -> settings.statusTimeout(v.asPositiveNumber()));
    driver
        .get("on_escalate")
        .ifPresent(v -> settings.onEscalate(v.asOneOf(List.of("force-proceed", "abort", "fail"))));
    driver.get("robustness").ifPresent(v -> settings.robustness(v.asNonEmptyString()));
    driver.get("auto_approve").ifPresent(v -> settings.autoApprove(v.asBoolean()));
    driver.get("require_clean_base").ifPresent(v -> settings.requireCleanBase(v.asBoolean()));
    return settings.build();
  }

  private static String upper(String wireName) {
    return wireName.toUpperCase(Locale.ROOT);
  }
}
