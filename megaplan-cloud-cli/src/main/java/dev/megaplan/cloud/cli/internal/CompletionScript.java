package dev.megaplan.cloud.cli.internal;

import dev.megaplan.cloud.cli.CliEnvironment;
import dev.megaplan.cloud.cli.MegaplanCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * The build's bash completion script, from the whole command line (the subcommands are added in
 * code, not listed in the root's annotation, so picocli's own {@code AutoComplete} main, which
 * reads only the annotation, would miss them). Not part of the product.
 */
public final class CompletionScript {
  private CompletionScript() {}

  /**
   * Writes the script.
   *
   * @param args the output file
   * @throws IOException when it cannot be written
   */
  public static void main(String[] args) throws IOException {
    String script =
        AutoComplete.bash("megaplan-cloud", MegaplanCloud.commandLine(CliEnvironment.system()));
    Files.writeString(Path.of(args[0]), script, StandardCharsets.UTF_8);
  }
}
