package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.core.LoadedConfig;
import dev.megaplan.cloud.core.ProviderRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code megaplan-cloud config validate}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check cloud.yaml against every rule and resolve its provider; unknown keys are warnings.")
public final class ConfigValidateCommand extends CloudCommand {
  /** Creates the command; picocli calls this. */
  public ConfigValidateCommand() {}

  @Override
  public Integer call() {
    LoadedConfig loaded = inspectConfig();
    ProviderRegistry.discover().factory(loaded.config().provider());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("success", true);
    result.put("cloud_yaml", cloudYamlPath().toString());
    result.put("provider", loaded.config().provider());
    result.put("warnings", loaded.warnings());
    printJson(result);
    for (String warning : loaded.warnings()) {
      err().println("warning: " + warning);
    }
    return 0;
  }
}
