package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.chain.PolicyLevel;
import dev.megaplan.cloud.api.status.RunnerState;
import java.util.Optional;

/**
 * The facts the effective-status rules of spec 04 read, and nothing else.
 *
 * @param milestoneCount milestones in the remote spec
 * @param currentMilestoneIndex the state's {@code current_milestone_index}
 * @param lastState the state's {@code last_state}
 * @param currentPlan the state's {@code current_plan_name}
 * @param planStatus {@code plan_status.status}, when a plan status was read
 * @param runner the runner's state
 * @param humanVerificationSettled verification facts are available with {@code latest_verdict}
 *     semantics and {@code all_deferred_must_verified} is true
 * @param syncState the state's {@code sync_state}
 * @param prerequisitePolicy the effective prerequisite policy
 * @param validationPolicy the effective validation policy
 */
public record StatusFacts(
    int milestoneCount,
    int currentMilestoneIndex,
    Optional<String> lastState,
    Optional<String> currentPlan,
    Optional<String> planStatus,
    RunnerState runner,
    boolean humanVerificationSettled,
    Optional<String> syncState,
    PolicyLevel prerequisitePolicy,
    PolicyLevel validationPolicy) {}
