package dev.megaplan.cloud.testkit.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Drives a chain the way {@code megaplan chain start} does (spec 09): milestone after milestone
 * from the current index, each one marked running, given {@code step_ms}, then settled by the
 * scenario; a review merge policy stops after each milestone until its PR reads {@code MERGED}.
 *
 * <p>Every change is written to the state file atomically before the next one begins, so a driver
 * killed at any moment leaves a complete JSON file whose {@code last_state} says how far it got.
 */
final class ChainDriver {
  static final String RUNNING = "running";
  static final String DONE = "done";
  static final String FAILED = "failed";
  static final String STALLED = "stalled";
  static final String AWAITING_PR_MERGE = "awaiting_pr_merge";
  static final String COMPLETE = "complete";

  /** Exit status of a driver whose milestone failed. */
  static final int EXIT_FAILED = 1;

  private static final int CONTINUE = -1;
  private static final long HOLD_POLL_MS = 100;

  private final ChainSpec spec;
  private final PrintStream out;
  private final PullRequestProbe probe;
  private final Sleeper sleeper;
  private volatile String milestoneInFlight;

  ChainDriver(ChainSpec spec, PrintStream out, PullRequestProbe probe, Sleeper sleeper) {
    this.spec = spec;
    this.out = out;
    this.probe = probe;
    this.sleeper = sleeper;
  }

  /**
   * Runs the chain until it completes or stops, or for exactly one milestone step when {@code
   * oneStep} is set.
   *
   * @return the exit status: 0, or 1 when a milestone failed
   */
  int run(boolean oneStep) {
    Thread reportSignal =
        new Thread("emulator-signal-report") {
          @Override
          public void run() {
            String label = milestoneInFlight;
            if (label != null) {
              say("stopped by a signal while milestone " + label + " was running");
            }
          }
        };
    Runtime.getRuntime().addShutdownHook(reportSignal);
    try {
      return drive(oneStep);
    } finally {
      milestoneInFlight = null;
    }
  }

  private int drive(boolean oneStep) {
    ChainState state = ChainState.load(spec.statePath());
    int count = spec.milestoneCount();
    say(
        "chain start "
            + spec.path()
            + " ("
            + count
            + " milestones"
            + (oneStep ? ", one step" : "")
            + ")");
    while (true) {
      int index = state.currentIndex();
      if (AWAITING_PR_MERGE.equals(state.lastState()) && index >= 0 && index < count) {
        if (!pullRequestMerged(state, index)) {
          return 0;
        }
        if (oneStep || nextPending(state, index) >= count) {
          return completeWhenNothingLeft(state, index);
        }
        continue;
      }
      int next = nextPending(state, Math.max(index, 0));
      if (next >= count) {
        return complete(state);
      }
      int exit = runMilestone(state, next);
      if (exit != CONTINUE) {
        return exit;
      }
      if (oneStep) {
        return completeWhenNothingLeft(state, next);
      }
    }
  }

  /** Keeps the milestone running until {@code <label>.release} exists beside the chain spec. */
  private void holdUntilReleased(String label, String position) throws InterruptedException {
    Path release = spec.path().resolveSibling(label + ".release");
    say("milestone " + position + " held until " + release + " exists (scenario emulator.hold)");
    while (!Files.exists(release)) {
      sleeper.sleep(HOLD_POLL_MS);
    }
    say("milestone " + position + " released");
  }

  private int runMilestone(ChainState state, int index) {
    String label = spec.labels().get(index);
    String plan = Slugs.planName(label);
    String position = label + " (" + (index + 1) + "/" + spec.milestoneCount() + ")";
    state.currentIndex(index);
    state.currentPlan(plan);
    state.lastState(RUNNING);
    state.save();
    createPlanDirectory(plan);
    say("milestone " + position + " running: plan " + plan);
    milestoneInFlight = label;
    try {
      sleeper.sleep(spec.scenario().stepMillis());
      if (spec.scenario().holds(label)) {
        holdUntilReleased(label, position);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      say("milestone " + position + " interrupted");
      return EXIT_FAILED;
    } finally {
      milestoneInFlight = null;
    }
    Scenario scenario = spec.scenario();
    if (scenario.fails(label)) {
      state.lastState(FAILED);
      state.save();
      say("milestone " + position + " failed (scenario emulator.fail)");
      return EXIT_FAILED;
    }
    if (scenario.stallsOnPrerequisite(label)) {
      state.lastState(STALLED);
      state.save();
      say(
          "milestone "
              + position
              + " stalled: prerequisite unmet (scenario emulator.prerequisite)");
      return 0;
    }
    if (scenario.awaitsHuman(label)) {
      say(
          "milestone "
              + position
              + " awaiting human verification (emulator.human_verify."
              + label
              + ": pending); the driver stops, last_state stays running");
      return 0;
    }
    state.markCompleted(label);
    if (spec.reviewMerges()) {
      long pr = scenario.prNumberBase() + index;
      state.lastState(AWAITING_PR_MERGE);
      state.pullRequest(pr, "open");
      state.save();
      say("milestone " + position + " done; PR #" + pr + " open, awaiting merge");
      return 0;
    }
    state.lastState(DONE);
    state.save();
    say("milestone " + position + " done");
    return CONTINUE;
  }

  private boolean pullRequestMerged(ChainState state, int index) {
    String label = spec.labels().get(index);
    long pr = state.prNumber();
    if (pr < 0) {
      say("milestone " + label + " awaits a PR merge but the state records no pr_number; waiting");
      return false;
    }
    String answer = probe.state(pr, spec.workspace());
    if (!"MERGED".equals(answer)) {
      say("PR #" + pr + " of milestone " + label + " is " + answer + "; waiting for its merge");
      return false;
    }
    state.prState("merged");
    state.lastState(DONE);
    state.save();
    say("PR #" + pr + " of milestone " + label + " merged");
    return true;
  }

  /** Marks the chain complete when no milestone after {@code index} is pending; exits 0. */
  private int completeWhenNothingLeft(ChainState state, int index) {
    if (nextPending(state, index + 1) >= spec.milestoneCount()) {
      return complete(state);
    }
    return 0;
  }

  private int complete(ChainState state) {
    int count = spec.milestoneCount();
    boolean already =
        state.currentIndex() == count
            && state.currentPlan() == null
            && COMPLETE.equals(state.lastState());
    if (!already) {
      state.currentIndex(count);
      state.currentPlan(null);
      state.lastState(COMPLETE);
      state.save();
    }
    say("chain complete (" + count + "/" + count + " milestones)");
    return 0;
  }

  private int nextPending(ChainState state, int from) {
    int i = from;
    while (i < spec.milestoneCount() && state.isCompleted(spec.labels().get(i))) {
      i++;
    }
    return i;
  }

  private void createPlanDirectory(String plan) {
    try {
      Files.createDirectories(spec.planDirectory(plan));
    } catch (IOException failed) {
      throw EmulatorException.failure(
          "cannot create plan directory " + spec.planDirectory(plan) + ": " + failed.getMessage(),
          failed);
    }
  }

  private void say(String line) {
    out.println("emulator: " + line);
    out.flush();
  }
}
