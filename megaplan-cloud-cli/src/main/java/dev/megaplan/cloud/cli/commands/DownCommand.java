package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.core.CloudSession;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code megaplan-cloud down}. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the runner.")
public final class DownCommand extends CloudCommand {
  /** Creates the command; picocli calls this. */
  public DownCommand() {}

  @Override
  public Integer call() {
    try (CloudSession session = openSession(null)) {
      session.provider().down();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("success", true);
      result.put("event", "cloud_down");
      result.put("provider", session.provider().name());
      result.put("service", session.provider().identity());
      printJson(result);
      say("cloud down: stopped the runner of " + session.provider().identity());
      return 0;
    }
  }
}
