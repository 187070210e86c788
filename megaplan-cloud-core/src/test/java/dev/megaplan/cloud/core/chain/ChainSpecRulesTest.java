package dev.megaplan.cloud.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.ChainSpecYaml;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What megaplan refuses in a chain.yaml is refused here too, before anything is uploaded: the
 * offending YAML, {@code invalid_spec}, the exact message and its {@code (chain.yaml:LINE:COL)}.
 */
class ChainSpecRulesTest {
  private static final String M1 = "milestones:\n  - {label: m1, idea: a.md}\n";

  static Stream<Arguments> violations() {
    return Stream.of(
        rule(
            "document that is a list",
            "- a\n",
            "chain spec must be a YAML mapping (chain.yaml:1:1)"),
        rule(
            "milestones not a list",
            "milestones: {label: a}\n",
            "milestones must be a list, got a mapping (chain.yaml:1:13)"),
        rule(
            "milestone not a mapping",
            "milestones: [m1]\n",
            "milestones[0] must be a mapping, got 'm1' (chain.yaml:1:14)"),
        rule(
            "milestone without label",
            "milestones:\n  - idea: a.md\n",
            "milestones[0].label is required (chain.yaml:2:5)"),
        rule(
            "milestone with empty label",
            "milestones:\n  - {label: '', idea: a.md}\n",
            "milestones[0].label must be a non-empty string, got '' (chain.yaml:2:13)"),
        rule(
            "milestone without idea",
            M1 + "  - label: m2\n",
            "milestones[1].idea is required (chain.yaml:3:5)"),
        rule(
            "milestone with list idea",
            M1 + "  - {label: m2, idea: [a]}\n",
            "milestones[1].idea must be a non-empty string, got a list (chain.yaml:3:23)"),
        rule(
            "branch as a mapping",
            M1 + "  - {label: m2, idea: b, branch: {a: b}}\n",
            "milestones[1].branch must be a string, got a mapping (chain.yaml:3:34)"),
        rule(
            "unknown vendor",
            M1 + "  - {label: m2, idea: b, vendor: gpt}\n",
            "milestones[1].vendor must be one of claude, codex, got 'gpt' (chain.yaml:3:34)"),
        rule(
            "unknown depth",
            M1 + "  - {label: m2, idea: b, depth: deep}\n",
            "milestones[1].depth must be one of minimal, low, medium, high, xhigh, max, got 'deep' (chain.yaml:3:33)"),
        rule(
            "unknown critic",
            M1 + "  - {label: m2, idea: b, critic: self}\n",
            "milestones[1].critic must be one of kimi, cross, got 'self' (chain.yaml:3:34)"),
        rule(
            "unknown deepseek_provider",
            M1 + "  - {label: m2, idea: b, deepseek_provider: azure}\n",
            "milestones[1].deepseek_provider must be one of direct, fireworks, got 'azure' (chain.yaml:3:45)"),
        rule(
            "with_prep not a boolean",
            M1 + "  - {label: m2, idea: b, with_prep: maybe}\n",
            "milestones[1].with_prep must be a boolean (true or false), got 'maybe' (chain.yaml:3:37)"),
        rule(
            "with_feedback quoted",
            M1 + "  - {label: m2, idea: b, with_feedback: 'true'}\n",
            "milestones[1].with_feedback must be a boolean (true or false), got 'true' (chain.yaml:3:41)"),
        rule(
            "prep_clarify a number",
            M1 + "  - {label: m2, idea: b, prep_clarify: 1}\n",
            "milestones[1].prep_clarify must be a boolean (true or false), got the number 1 (chain.yaml:3:40)"),
        rule(
            "phase_model a mapping",
            M1 + "  - {label: m2, idea: b, phase_model: {a: b}}\n",
            "milestones[1].phase_model must be a string or a list of strings, got a mapping (chain.yaml:3:39)"),
        rule(
            "phase_model list with a list",
            M1 + "  - {label: m2, idea: b, phase_model: [a, [b]]}\n",
            "milestones[1].phase_model[1] must be a string, got a list (chain.yaml:3:43)"),
        rule(
            "bakeoff not a mapping",
            M1 + "  - {label: m2, idea: b, bakeoff: yes}\n",
            "milestones[1].bakeoff must be a mapping, got the boolean yes (chain.yaml:3:35)"),
        rule(
            "depends_on itself",
            M1 + "  - {label: m2, idea: b, depends_on: m2}\n",
            "milestones[1].depends_on names the milestone itself ('m2'); a milestone cannot depend on itself (chain.yaml:3:38)"),
        rule(
            "depends_on unknown label",
            M1 + "  - {label: m2, idea: b, depends_on: [m1, m9]}\n",
            "milestones[1].depends_on[1] names unknown milestone 'm9' (chain.yaml:3:43)"),
        rule(
            "depends_on forward reference",
            "milestones:\n  - {label: m1, idea: a, depends_on: m2}\n  - {label: m2, idea: b}\n",
            "milestones[0].depends_on names 'm2', which comes later; a milestone may only depend on milestones listed before it (chain.yaml:2:38)"),
        rule(
            "depends_on a mapping",
            M1 + "  - {label: m2, idea: b, depends_on: {m1: x}}\n",
            "milestones[1].depends_on must be a milestone label or a list of labels, got a mapping (chain.yaml:3:38)"),
        rule(
            "seed not a mapping",
            "seed: plan-a\n",
            "seed must be a mapping, got 'plan-a' (chain.yaml:1:7)"),
        rule(
            "empty base_branch",
            "base_branch: ''\n",
            "base_branch must be a non-empty string, got '' (chain.yaml:1:14)"),
        rule(
            "unknown merge_policy",
            "merge_policy: squash\n",
            "merge_policy must be one of auto, review, manual, got 'squash' (chain.yaml:1:15)"),
        rule(
            "unknown on_failure action",
            "on_failure: panic\n",
            "on_failure must be one of stop_chain, skip_milestone, resume_milestone, retry_milestone, bump_profile, bump_robustness, got 'panic' (chain.yaml:1:13)"),
        rule(
            "unknown on_escalate case action",
            "on_escalate:\n  retry: again\n",
            "on_escalate.retry must be one of stop_chain, skip_milestone, resume_milestone, retry_milestone, bump_profile, bump_robustness, got 'again' (chain.yaml:2:10)"),
        rule(
            "failure policy as a list",
            "on_failure: [stop_chain]\n",
            "on_failure must be an action or a mapping of retry, escalate, abort to actions, got a list (chain.yaml:1:13)"),
        rule(
            "unknown prerequisite_policy",
            "prerequisite_policy: strict\n",
            "prerequisite_policy must be one of none, required, got 'strict' (chain.yaml:1:22)"),
        rule(
            "unknown validation_policy",
            "validation_policy: yes\n",
            "validation_policy must be one of none, required, got the boolean yes (chain.yaml:1:20)"),
        rule(
            "review_policy not a mapping",
            "review_policy: manual\n",
            "review_policy must be a mapping, got 'manual' (chain.yaml:1:16)"),
        rule(
            "unknown clean_milestone_pr",
            "review_policy: {clean_milestone_pr: review}\n",
            "review_policy.clean_milestone_pr must be one of auto, manual, got 'review' (chain.yaml:1:37)"),
        rule(
            "driver not a mapping",
            "driver: fast\n",
            "driver must be a mapping, got 'fast' (chain.yaml:1:9)"),
        rule(
            "text stall_threshold",
            "driver: {stall_threshold: many}\n",
            "driver.stall_threshold must be an integer, got 'many' (chain.yaml:1:27)"),
        rule(
            "text phase_timeout",
            "driver: {phase_timeout: long}\n",
            "driver.phase_timeout must be a number, got 'long' (chain.yaml:1:25)"),
        rule(
            "unknown driver on_escalate",
            "driver: {on_escalate: retry}\n",
            "driver.on_escalate must be one of force-proceed, abort, fail, got 'retry' (chain.yaml:1:23)"),
        rule(
            "require_clean_base not a boolean",
            "driver: {require_clean_base: 0}\n",
            "driver.require_clean_base must be a boolean (true or false), got the number 0 (chain.yaml:1:30)"),
        // nulls megaplan refuses (it defaults only a missing key there)
        rule(
            "null base_branch",
            "base_branch: null\n",
            "base_branch must be a non-empty string, got null (chain.yaml:1:14)"),
        rule(
            "null merge_policy",
            "merge_policy: ~\n",
            "merge_policy must be one of auto, review, manual, got null (chain.yaml:1:15)"),
        rule(
            "null prerequisite_policy",
            "prerequisite_policy:\n",
            "prerequisite_policy must be one of none, required, got null (chain.yaml:1:21)"),
        rule(
            "null validation_policy",
            "validation_policy: null\n",
            "validation_policy must be one of none, required, got null (chain.yaml:1:20)"),
        rule(
            "null clean_milestone_pr",
            "review_policy: {clean_milestone_pr: null}\n",
            "review_policy.clean_milestone_pr must be one of auto, manual, got null (chain.yaml:1:37)"),
        rule(
            "null label",
            "milestones:\n  - {label: null, idea: a.md}\n",
            "milestones[0].label is required (chain.yaml:2:5)"),
        rule(
            "null milestone",
            "milestones: [~]\n",
            "milestones[0] must be a mapping, got null (chain.yaml:1:14)"),
        rule(
            "null with_prep",
            M1 + "  - {label: m2, idea: b, with_prep: null}\n",
            "milestones[1].with_prep must be a boolean (true or false), got null (chain.yaml:3:37)"),
        rule(
            "null max_stall_iterations",
            "driver: {max_stall_iterations: null, stall_threshold: 3}\n",
            "driver.max_stall_iterations must be an integer, got null (chain.yaml:1:32)"),
        rule(
            "null max_iterations",
            "driver: {max_iterations: ~}\n",
            "driver.max_iterations must be an integer, got null (chain.yaml:1:26)"),
        rule(
            "null poll_sleep",
            "driver: {poll_sleep: ~}\n",
            "driver.poll_sleep must be a number, got null (chain.yaml:1:22)"),
        rule(
            "null driver on_escalate",
            "driver: {on_escalate: ~}\n",
            "driver.on_escalate must be one of force-proceed, abort, fail, got null (chain.yaml:1:23)"),
        rule(
            "null driver robustness",
            "driver: {robustness: null}\n",
            "driver.robustness must be a string, got null (chain.yaml:1:22)"),
        rule(
            "null require_clean_base",
            "driver: {require_clean_base: null}\n",
            "driver.require_clean_base must be a boolean (true or false), got null (chain.yaml:1:30)"),
        // non-string scalars where megaplan wants text (as PyYAML types them)
        rule(
            "numeric label",
            "milestones:\n  - {label: 5, idea: a.md}\n",
            "milestones[0].label must be a non-empty string, got the number 5 (quote it: '5') (chain.yaml:2:13)"),
        rule(
            "boolean idea",
            "milestones:\n  - {label: m1, idea: yes}\n",
            "milestones[0].idea must be a non-empty string, got the boolean yes (quote it: 'yes') (chain.yaml:2:23)"),
        rule(
            "numeric branch",
            M1 + "  - {label: m2, idea: b, branch: 12}\n",
            "milestones[1].branch must be a string, got the number 12 (quote it: '12') (chain.yaml:3:34)"),
        rule(
            "date notes",
            M1 + "  - {label: m2, idea: b, notes: 2024-05-01}\n",
            "milestones[1].notes must be a string, got the date 2024-05-01 (quote it: '2024-05-01') (chain.yaml:3:33)"),
        rule(
            "numeric profile",
            M1 + "  - {label: m2, idea: b, profile: 1.5}\n",
            "milestones[1].profile must be a string, got the number 1.5 (quote it: '1.5') (chain.yaml:3:35)"),
        rule(
            "numeric vendor",
            M1 + "  - {label: m2, idea: b, vendor: 1}\n",
            "milestones[1].vendor must be one of claude, codex, got the number 1 (chain.yaml:3:34)"),
        rule(
            "numeric prep_direction",
            M1 + "  - {label: m2, idea: b, prep_direction: 7}\n",
            "milestones[1].prep_direction must be a non-empty string, got the number 7 (quote it: '7') (chain.yaml:3:42)"),
        rule(
            "blank prep_direction",
            M1 + "  - {label: m2, idea: b, prep_direction: '  '}\n",
            "milestones[1].prep_direction must be a non-empty string, got '  ' (chain.yaml:3:42)"),
        rule(
            "numeric phase_model item",
            M1 + "  - {label: m2, idea: b, phase_model: [a, 4]}\n",
            "milestones[1].phase_model[1] must be a string, got the number 4 (quote it: '4') (chain.yaml:3:43)"),
        rule(
            "numeric depends_on",
            M1 + "  - {label: m2, idea: b, depends_on: 1}\n",
            "milestones[1].depends_on must be a milestone label or a list of labels, got the number 1 (chain.yaml:3:38)"),
        rule(
            "blank depends_on item",
            M1 + "  - {label: m2, idea: b, depends_on: [m1, ' ']}\n",
            "milestones[1].depends_on[1] must be a non-empty string, got ' ' (chain.yaml:3:43)"),
        rule(
            "numeric base_branch",
            "base_branch: 5\n",
            "base_branch must be a non-empty string, got the number 5 (quote it: '5') (chain.yaml:1:14)"),
        rule(
            "numeric seed.plan",
            "seed: {plan: 20240101}\n",
            "seed.plan must be a string, got the number 20240101 (quote it: '20240101') (chain.yaml:1:14)"),
        rule(
            "numeric driver robustness",
            "driver: {robustness: 3}\n",
            "driver.robustness must be a string, got the number 3 (quote it: '3') (chain.yaml:1:22)"),
        rule(
            "numeric on_failure",
            "on_failure: 1\n",
            "on_failure must be an action or a mapping of retry, escalate, abort to actions, got the number 1 (chain.yaml:1:13)"),
        rule(
            "infinite max_iterations",
            "driver: {max_iterations: .inf}\n",
            "driver.max_iterations must be an integer, got the number .inf (chain.yaml:1:26)"),
        rule(
            "text poll_sleep",
            "driver: {poll_sleep: soon}\n",
            "driver.poll_sleep must be a number, got 'soon' (chain.yaml:1:22)"),
        rule(
            "falsy non-mapping document is fine but a truthy scalar is not",
            "chain\n",
            "chain spec must be a YAML mapping (chain.yaml:1:1)"),
        rule(
            "unsupported scalar tag",
            "emulator: {step: !custom 5}\n",
            "emulator.step could not be read: could not determine a constructor for the tag !custom (chain.yaml:1:18)"));
  }

  private static Arguments rule(String name, String yaml, String message) {
    return Arguments.of(name, yaml, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void violationIsInvalidSpecNamingTheFieldAndItsPosition(
      String name, String yaml, String message) {
    CloudException e =
        assertThrows(CloudException.class, () -> ChainSpecYaml.parse(yaml, "chain.yaml"));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertEquals(message, e.getMessage());
  }
}
