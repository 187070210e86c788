package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.core.RunningChain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of {@code chains} and {@code status --all} (03): {@code {success, sessions:[…]}} on
 * stdout; {@code active cloud chains: N} and one line per session on stderr.
 */
final class ChainsOutput {
  private ChainsOutput() {}

  static int print(CloudCommand command, List<RunningChain> chains) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("sessions", chains);
    command.printJson(body);
    command.say("active cloud chains: " + chains.size());
    for (RunningChain chain : chains) {
      StringBuilder line =
          new StringBuilder("  ")
              .append(chain.session())
              .append(" (marker: ")
              .append(chain.markerStatus())
              .append(')');
      chain.workspace().ifPresent(ws -> line.append(" workspace=").append(ws));
      chain.remoteSpec().ifPresent(spec -> line.append(" spec=").append(spec));
      command.say(line.toString());
    }
    return 0;
  }
}
