package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.CliEnvironment;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code megaplan-cloud redact}: stdin to stdout with the redaction rules, through the library's
 * byte path ({@link Redactor#copy}).
 *
 * <p>A pipeline filter's start-up is part of its throughput, and picocli's classes cost most of it
 * (they are Java 5 class files, which class-data sharing cannot archive and which take the old
 * verifier), so a plain call is also parsed without picocli: {@link #direct} accepts only {@code
 * --secret NAME}, {@code --cloud-yaml PATH} (each also as {@code --opt=value}) and {@code --debug},
 * each value not starting with {@code -} or {@code @} and the single-valued options at most once;
 * for anything else (help, an unknown or repeated option, an argument file) picocli parses the call
 * as usual. Both paths run {@link #redact}.
 */
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
  static final String NAME = "redact";

  @Option(
      names = "--secret",
      paramLabel = "NAME",
      description = "An environment variable name whose value is a secret (repeatable).")
  List<String> secrets = new ArrayList<>();

  /** Creates the command; picocli calls this. */
  public RedactCommand() {}

  @Override
  public Integer call() {
    out().flush();
    return redact(environment(), cloudYamlPath(), secrets);
  }

  /**
   * A call parsed without picocli.
   *
   * @param secrets the {@code --secret} names, in order
   * @param cloudYaml the {@code --cloud-yaml} path, if given
   * @param debug whether {@code --debug} was given
   */
  public record Direct(List<String> secrets, Optional<Path> cloudYaml, boolean debug) {
    /**
     * Runs the call.
     *
     * @param environment the environment
     * @param out standard output's writer, flushed before the bytes are written
     * @return the exit status
     */
    public int run(CliEnvironment environment, PrintWriter out) {
      out.flush();
      return redact(environment, cloudYamlPath(environment, cloudYaml), secrets);
    }
  }

  /**
   * Parses a plain {@code redact} call without picocli.
   *
   * @param args the whole command line
   * @return the call, or empty when picocli must parse it
   */
  public static Optional<Direct> direct(String[] args) {
    if (args.length == 0 || !args[0].equals(NAME)) {
      return Optional.empty();
    }
    List<String> secrets = new ArrayList<>();
    Path cloudYaml = null;
    boolean debug = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--debug") && !debug) {
        debug = true;
        continue;
      }
      String option = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        option = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[i + 1];
        i++;
      }
      if (value == null || value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
        return Optional.empty();
      }
      if (option.equals("--secret")) {
        secrets.add(value);
      } else if (option.equals("--cloud-yaml") && cloudYaml == null) {
        cloudYaml = Path.of(value);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new Direct(List.copyOf(secrets), Optional.ofNullable(cloudYaml), debug));
  }

  /** The command: the secrets of cloud.yaml (when it exists) plus {@code secrets}. */
  static int redact(CliEnvironment environment, Path cloudYaml, List<String> secrets) {
    Set<String> names = new LinkedHashSet<>();
    if (Files.exists(cloudYaml)) {
      names.addAll(CloudYaml.loader().homeDirectory(environment.home()).load(cloudYaml).secrets());
    }
    names.addAll(secrets);
    Redactor redactor = Redactor.create(names, environment.env());
    try {
      redactor.copy(environment.stdin(), environment.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }
}
