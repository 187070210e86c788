package dev.megaplan.cloud.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every subcommand takes. */
public final class CommonOptions {
  @Option(
      names = "--cloud-yaml",
      paramLabel = "PATH",
      description =
          "The cloud.yaml to use (default: the project root's cloud.yaml: the git root when it"
              + " holds .megaplan/, else the nearest directory up with .megaplan/, else the"
              + " current directory).")
  Path cloudYaml;

  @Option(names = "--debug", description = "Print stack traces of failures on stderr.")
  boolean debug;

  /**
   * The cloud.yaml path as given (relative paths resolve against the working directory).
   *
   * @return the path, or empty when {@code --cloud-yaml} was not given
   */
  public Optional<Path> cloudYaml() {
    return Optional.ofNullable(cloudYaml);
  }

  /**
   * Whether stack traces are wanted.
   *
   * @return true with {@code --debug}
   */
  public boolean debug() {
    return debug;
  }
}
