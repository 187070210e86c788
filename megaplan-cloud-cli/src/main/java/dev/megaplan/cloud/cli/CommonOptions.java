package dev.megaplan.cloud.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand takes. */
public final class CommonOptions {
  @Option(
      names = "--cloud-yaml",
      paramLabel = "PATH",
      description = "The cloud.yaml to use (default: ./cloud.yaml).",
      defaultValue = "cloud.yaml")
  Path cloudYaml;

  @Option(names = "--debug", description = "Print stack traces of failures on stderr.")
  boolean debug;

  /**
   * The cloud.yaml path as given (relative paths resolve against the working directory).
   *
   * @return the path
   */
  public Path cloudYaml() {
    return cloudYaml;
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
