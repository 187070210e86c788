package dev.megaplan.cloud.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.LoadedConfig;
import dev.megaplan.cloud.core.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud config show}. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Print the effective configuration (defaults filled in, secrets by name with whether"
            + " each is set locally).")
public final class ConfigShowCommand extends CloudCommand {
  @Option(names = "--json", description = "Print JSON instead of the readable rendering.")
  boolean json;

  /** Creates the command; picocli calls this. */
  public ConfigShowCommand() {}

  @Override
  public Integer call() {
    LoadedConfig loaded = inspectConfig();
    CloudConfig config = loaded.config();
    List<Map<String, Object>> secrets = new ArrayList<>();
    for (String name : config.secrets()) {
      Map<String, Object> secret = new LinkedHashMap<>();
      secret.put("name", name);
      String value = environment().env().apply(name);
      secret.put("set", value != null && !value.isEmpty());
      secrets.add(secret);
    }
    JsonNode tree = Json.tree(config);
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("success", true);
      result.put("cloud_yaml", cloudYamlPath().toString());
      result.put("config", tree);
      result.put("secrets", secrets);
      result.put("warnings", loaded.warnings());
      printJson(result);
    } else {
      out().println("# " + cloudYamlPath());
      out().print(ReadableTree.render(tree));
      out().println("# secrets set locally:");
      for (Map<String, Object> secret : secrets) {
        out().println("#   " + secret.get("name") + ": " + secret.get("set"));
      }
      for (String warning : loaded.warnings()) {
        out().println("# warning: " + warning);
      }
    }
    return 0;
  }
}
