package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.internal.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud init}: writes a commented starter cloud.yaml. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Write a commented starter cloud.yaml (every section; optional ones commented out).")
public final class InitCommand extends CloudCommand {
  @Option(names = "--force", description = "Overwrite an existing file.")
  boolean force;

  /** Creates the command; picocli calls this. */
  public InitCommand() {}

  @Override
  public Integer call() {
    Path target = cloudYamlPath();
    if (Files.exists(target) && !force) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          target + " already exists; pass --force to overwrite it",
          Map.of("cloud_yaml", target.toString()));
    }
    AtomicFiles.write(target, CloudYaml.starterTemplate().getBytes(StandardCharsets.UTF_8));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("success", true);
    result.put("cloud_yaml", target.toString());
    printJson(result);
    err().println("wrote " + target + "; edit repo.url, then run `megaplan-cloud config validate`");
    return 0;
  }
}
