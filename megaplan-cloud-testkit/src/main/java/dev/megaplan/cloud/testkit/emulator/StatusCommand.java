package dev.megaplan.cloud.testkit.emulator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code status [--plan P]}: prints {@code {plan, status, next_step, milestone}} for plan {@code
 * P}, or for the current plan of the chain next to the working directory whose state changed last.
 */
final class StatusCommand {
  private StatusCommand() {}

  static int run(List<String> args, WorkingDirectory cwd, PrintStream out) {
    Arguments arguments = Arguments.parse(args, 1, List.of("--plan"), List.of());
    String plan = arguments.optional("--plan");
    Map<String, Object> payload;
    if (plan == null) {
      LocatedChain chain = LocatedChain.newest(cwd);
      payload = PlanStatus.payload(chain, chain == null ? null : chain.state().currentPlan());
    } else {
      LocatedChain chain = LocatedChain.forPlan(cwd, plan);
      if (chain == null && initializedPlanExists(cwd, plan)) {
        // A plan made by `init` outside any chain: the emulator plans nothing, so it is done.
        payload = PlanStatus.payload(plan, "done", null);
      } else {
        payload = PlanStatus.payload(chain, plan);
      }
    }
    out.println(JsonWriter.write(payload));
    out.flush();
    return 0;
  }

  /** Whether {@code .megaplan/plans/<plan>/} exists in the working directory. */
  static boolean initializedPlanExists(WorkingDirectory cwd, String plan) {
    if (plan.isEmpty() || plan.contains("/") || plan.startsWith(".")) {
      return false;
    }
    for (Path dir : cwd.names()) {
      if (Files.isDirectory(dir.resolve(".megaplan").resolve("plans").resolve(plan))) {
        return true;
      }
    }
    return false;
  }
}
