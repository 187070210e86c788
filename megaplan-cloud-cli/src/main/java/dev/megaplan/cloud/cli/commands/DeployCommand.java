package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.core.CloudSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code megaplan-cloud deploy}. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description =
        "Deploy the runner with the secrets named in cloud.yaml (their values are read from the"
            + " local environment and never printed). Prints a line per step, the verdict, then"
            + " the report JSON.")
public final class DeployCommand extends CloudCommand {
  /** Creates the command; picocli calls this. */
  public DeployCommand() {}

  @Override
  public Integer call() {
    try (CloudSession session = openSession(null)) {
      Map<String, String> secrets = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (String name : session.config().secrets()) {
        String value = environment().env().apply(name);
        if (value == null || value.isEmpty()) {
          missing.add(name);
        } else {
          secrets.put(name, value);
        }
      }
      if (!missing.isEmpty()) {
        throw new CloudException(
            ErrorCode.MISSING_SECRETS,
            "Secrets named in cloud.yaml are not set locally: "
                + String.join(", ", missing)
                + ". Export them, then deploy again; nothing was changed.",
            Map.of("missing_secrets", missing));
      }
      say(
          "cloud deploy: provider="
              + session.provider().name()
              + " service="
              + session.provider().identity());
      DeployReport report =
          session
              .provider()
              .deploy(
                  DeployRequest.builder()
                      .secrets(secrets)
                      .progress(line -> say(session.redactor().redact(line)))
                      .build());
      return printDeployReport(report);
    }
  }
}
