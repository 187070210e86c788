package dev.megaplan.cloud.testkit.emulator;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code verify-human --list --plan P --json}: the human-verification facts of plan {@code P} with
 * {@code latest_verdict} semantics. A milestone gated by {@code emulator.human_verify} has one
 * criterion whose verdict is {@code pending} or {@code pass}; any other plan has none.
 */
final class VerifyHumanCommand {
  private VerifyHumanCommand() {}

  static int run(List<String> args, WorkingDirectory cwd, PrintStream out) {
    Arguments arguments = Arguments.parse(args, 1, List.of("--plan"), List.of("--list", "--json"));
    arguments.requireSwitch("--list", "verify-human");
    arguments.requireSwitch("--json", "verify-human");
    String plan = arguments.required("--plan", "verify-human");
    LocatedChain chain = LocatedChain.forPlan(cwd, plan);
    List<Object> rows = new ArrayList<>();
    if (chain != null) {
      String label = chain.spec().labels().get(chain.spec().indexOfPlan(plan));
      Scenario scenario = chain.spec().scenario();
      if (scenario.hasHumanGate(label)) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("criterion", "milestone " + label + " verified by a human");
        row.put("verdict", scenario.awaitsHuman(label) ? "pending" : "pass");
        rows.add(row);
      }
    } else if (!StatusCommand.initializedPlanExists(cwd, plan)) {
      throw EmulatorException.failure("unknown plan: " + plan, null);
    }
    int pending = 0;
    for (Object row : rows) {
      if ("pending".equals(((Map<?, ?>) row).get("verdict"))) {
        pending++;
      }
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("semantics", "latest_verdict");
    payload.put("pending", (long) pending);
    payload.put("verified", (long) (rows.size() - pending));
    payload.put("all_deferred_must_verified", pending == 0);
    payload.put("rows", rows);
    out.println(JsonWriter.write(payload));
    out.flush();
    return 0;
  }
}
