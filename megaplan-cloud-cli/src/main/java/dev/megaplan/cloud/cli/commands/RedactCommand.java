package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud redact}: stdin to stdout with the redaction rules. */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    description = {
      "Copy stdin to stdout with secrets redacted, line by line: assignments of the named"
          + " secrets (NAME=value, NAME: value), their current values (8+ characters), and"
          + " token shapes (sk-…, ghp_…, xoxb-…).",
      "Secrets are those listed in cloud.yaml (when it exists) plus every --secret."
    })
public final class RedactCommand extends CloudCommand {
  @Option(
      names = "--secret",
      paramLabel = "NAME",
      description = "An environment variable name whose value is a secret (repeatable).")
  List<String> secrets = new ArrayList<>();

  /** Creates the command; picocli calls this. */
  public RedactCommand() {}

  @Override
  public Integer call() {
    Set<String> names = new LinkedHashSet<>();
    Path cloudYaml = cloudYamlPath();
    if (Files.exists(cloudYaml)) {
      names.addAll(CloudYaml.load(cloudYaml).secrets());
    }
    names.addAll(secrets);
    Redactor redactor = Redactor.create(names, environment().env());
    out().flush();
    try {
      redactor.copy(environment().stdin(), environment().stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }
}
