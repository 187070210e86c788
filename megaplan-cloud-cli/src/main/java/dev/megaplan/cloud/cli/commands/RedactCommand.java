package dev.megaplan.cloud.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud redact}: stdin to stdout with the redaction rules. */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    description =
        "Copy stdin to stdout with secrets redacted: the values and assignments of the secrets"
            + " named in cloud.yaml (when present) and by --secret, and known token shapes.")
public final class RedactCommand extends PendingCommand {
  @Option(
      names = "--secret",
      paramLabel = "NAME",
      description = "A secret's environment variable name (repeatable).")
  List<String> secrets;

  /** Creates the command; picocli calls this. */
  public RedactCommand() {}

  @Override
  String purpose() {
    return "redact a stream";
  }
}
