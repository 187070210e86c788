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

/** Every rule of spec 02's chain.yaml table: the offending YAML and the exact message. */
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
            "duplicate labels",
            M1 + "  - {label: m1, idea: b.md}\n",
            "milestones[1].label duplicates milestones[0].label 'm1'; labels must be unique (chain.yaml:3:13)"),
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
            "milestones[1].depth must be one of minimal, low, medium, high, max, got 'deep' (chain.yaml:3:33)"),
        rule(
            "unknown critic",
            M1 + "  - {label: m2, idea: b, critic: self}\n",
            "milestones[1].critic must be one of kimi, cross, got 'self' (chain.yaml:3:34)"),
        rule(
            "unknown deepseek_provider",
            M1 + "  - {label: m2, idea: b, deepseek_provider: azure}\n",
            "milestones[1].deepseek_provider must be one of direct, got 'azure' (chain.yaml:3:45)"),
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
            "milestones[1].prep_clarify must be a boolean (true or false), got '1' (chain.yaml:3:40)"),
        rule(
            "phase_model a mapping",
            M1 + "  - {label: m2, idea: b, phase_model: {a: b}}\n",
            "milestones[1].phase_model must be a string or a list of strings, got a mapping (chain.yaml:3:39)"),
        rule(
            "phase_model list with a list",
            M1 + "  - {label: m2, idea: b, phase_model: [a, [b]]}\n",
            "milestones[1].phase_model[1] must be a non-empty string, got a list (chain.yaml:3:43)"),
        rule(
            "bakeoff not a mapping",
            M1 + "  - {label: m2, idea: b, bakeoff: yes}\n",
            "milestones[1].bakeoff must be a mapping, got 'yes' (chain.yaml:3:35)"),
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
            "empty seed.plan",
            "seed: {plan: ''}\n",
            "seed.plan must be a non-empty string, got '' (chain.yaml:1:14)"),
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
            "unknown failure case",
            "on_failure:\n  later: stop_chain\n",
            "on_failure.later is not a failure case; use retry, escalate, abort (chain.yaml:2:3)"),
        rule(
            "empty failure mapping",
            "on_failure: {}\n",
            "on_failure must name an action for at least one of retry, escalate, abort (chain.yaml:1:13)"),
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
            "validation_policy must be one of none, required, got 'yes' (chain.yaml:1:20)"),
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
            "zero max_stall_iterations",
            "driver: {max_stall_iterations: 0}\n",
            "driver.max_stall_iterations must be a positive integer, got 0 (chain.yaml:1:32)"),
        rule(
            "text stall_threshold",
            "driver: {stall_threshold: many}\n",
            "driver.stall_threshold must be an integer, got 'many' (chain.yaml:1:27)"),
        rule(
            "conflicting stall alias",
            "driver: {max_stall_iterations: 3, stall_threshold: 4}\n",
            "driver.stall_threshold conflicts with driver.max_stall_iterations (4 vs 3); stall_threshold is an alias, set only one (chain.yaml:1:52)"),
        rule(
            "negative max_iterations",
            "driver: {max_iterations: -1}\n",
            "driver.max_iterations must be a positive integer, got -1 (chain.yaml:1:26)"),
        rule(
            "zero poll_sleep",
            "driver: {poll_sleep: 0}\n",
            "driver.poll_sleep must be a positive number, got 0 (chain.yaml:1:22)"),
        rule(
            "text phase_timeout",
            "driver: {phase_timeout: long}\n",
            "driver.phase_timeout must be a number, got 'long' (chain.yaml:1:25)"),
        rule(
            "negative status_timeout",
            "driver: {status_timeout: -5.5}\n",
            "driver.status_timeout must be a positive number, got -5.5 (chain.yaml:1:26)"),
        rule(
            "unknown driver on_escalate",
            "driver: {on_escalate: retry}\n",
            "driver.on_escalate must be one of force-proceed, abort, fail, got 'retry' (chain.yaml:1:23)"),
        rule(
            "empty driver robustness",
            "driver: {robustness: ''}\n",
            "driver.robustness must be a non-empty string, got '' (chain.yaml:1:22)"),
        rule(
            "auto_approve not a boolean",
            "driver: {auto_approve: sometimes}\n",
            "driver.auto_approve must be a boolean (true or false), got 'sometimes' (chain.yaml:1:24)"),
        rule(
            "require_clean_base not a boolean",
            "driver: {require_clean_base: 0}\n",
            "driver.require_clean_base must be a boolean (true or false), got '0' (chain.yaml:1:30)"),
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
