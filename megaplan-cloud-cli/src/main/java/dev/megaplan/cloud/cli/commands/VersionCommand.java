package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version.")
public final class VersionCommand extends CloudCommand {
  @Option(names = "--json", description = "Print {\"version\", \"java\"} as JSON.")
  boolean json;

  /** Creates the command; picocli calls this. */
  public VersionCommand() {}

  @Override
  public Integer call() {
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("version", Version.current());
      result.put("java", System.getProperty("java.version"));
      printJson(result);
    } else {
      out().println("megaplan-cloud " + Version.current());
    }
    return 0;
  }
}
