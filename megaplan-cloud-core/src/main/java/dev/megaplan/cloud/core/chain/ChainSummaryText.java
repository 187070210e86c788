package dev.megaplan.cloud.core.chain;

import dev.megaplan.cloud.api.chain.ChainSummary;
import dev.megaplan.cloud.api.chain.MilestoneProgress;
import dev.megaplan.cloud.api.chain.MilestoneRef;
import dev.megaplan.cloud.api.chain.SyncFacts;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The human rendering of a {@link ChainSummary} that {@code status --chain} prints on stderr, line
 * for line as megaplan's chain status prints it:
 *
 * <pre>
 * Current milestone: m2 (index 1)        ("none" when there is no current milestone)
 * Completed: m1                          ("none" when empty)
 * Remaining: m2, m3                      ("none" when empty)
 * Seed plan: seed-plan                   (only with a seed plan)
 * Base branch: main
 * Current plan: m2-plan                  (only with a current plan)
 * Last state: running                    (only with a last state)
 * Current PR: #42 (open)                 (only with a non-zero PR number; "unknown" without a state)
 * Sync:                                  (only when a line below it is printed)
 *   Branch head: abc123                  (each only when set)
 *   PR head: def456
 *   Last pushed: abc123
 *   Dirty: yes                           (only when dirty_flag is true)
 *   Sync state: stale
 * Policy:
 *   Prerequisite: none
 *   Validation: none
 *   Review (clean_milestone_pr): auto
 * Per-milestone:
 *   - [completed] m1 (index 0)
 * </pre>
 *
 * <p>Optional lines are left out when their value is absent or empty. Every line ends with {@code
 * \n}. One difference from megaplan: megaplan prints a bare {@code Sync:} header whenever the state
 * exists, even with no sync fact under it; here the header appears only with at least one fact.
 */
public final class ChainSummaryText {
  private ChainSummaryText() {}

  /**
   * Renders the summary block.
   *
   * @param summary the summary
   * @return the block, each line terminated by {@code \n}
   */
  public static String render(ChainSummary summary) {
    StringBuilder out = new StringBuilder();
    line(
        out,
        "Current milestone: "
            + summary
                .currentMilestone()
                .map(m -> m.label() + " (index " + m.index() + ")")
                .orElse("none"));
    line(out, "Completed: " + labels(summary.completed()));
    line(out, "Remaining: " + labels(summary.remaining()));
    present(summary.seedPlan()).ifPresent(seed -> line(out, "Seed plan: " + seed));
    line(out, "Base branch: " + (summary.baseBranch().isEmpty() ? "main" : summary.baseBranch()));
    present(summary.currentPlanName()).ifPresent(plan -> line(out, "Current plan: " + plan));
    present(summary.lastState()).ifPresent(state -> line(out, "Last state: " + state));
    if (summary.prNumber().isPresent() && summary.prNumber().getAsInt() != 0) {
      line(
          out,
          "Current PR: #"
              + summary.prNumber().getAsInt()
              + " ("
              + present(summary.prState()).orElse("unknown")
              + ")");
    }
    sync(out, summary.sync());
    line(out, "Policy:");
    line(out, "  Prerequisite: " + summary.policy().prerequisitePolicy().wireName());
    line(out, "  Validation: " + summary.policy().validationPolicy().wireName());
    line(out, "  Review (clean_milestone_pr): " + summary.policy().cleanMilestonePr().wireName());
    line(out, "Per-milestone:");
    for (MilestoneProgress milestone : summary.perMilestone()) {
      line(
          out,
          "  - ["
              + milestone.status().wireName()
              + "] "
              + milestone.label()
              + " (index "
              + milestone.index()
              + ")");
    }
    return out.toString();
  }

  private static void sync(StringBuilder out, SyncFacts sync) {
    StringBuilder facts = new StringBuilder();
    present(sync.branchHead()).ifPresent(v -> line(facts, "  Branch head: " + v));
    present(sync.prHead()).ifPresent(v -> line(facts, "  PR head: " + v));
    present(sync.lastPushedCommit()).ifPresent(v -> line(facts, "  Last pushed: " + v));
    if (sync.dirtyFlag()) {
      line(facts, "  Dirty: yes");
    }
    present(sync.syncState()).ifPresent(v -> line(facts, "  Sync state: " + v));
    if (facts.length() > 0) {
      line(out, "Sync:");
      out.append(facts);
    }
  }

  private static String labels(List<MilestoneRef> milestones) {
    return milestones.isEmpty()
        ? "none"
        : milestones.stream().map(MilestoneRef::label).collect(Collectors.joining(", "));
  }

  private static Optional<String> present(Optional<String> value) {
    return value.filter(v -> !v.isEmpty());
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append('\n');
  }
}
