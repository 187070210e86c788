package dev.megaplan.cloud.cli.internal;

import dev.megaplan.cloud.cli.CliEnvironment;
import dev.megaplan.cloud.cli.MegaplanCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * The build step that writes the bash completion script (picocli's {@link AutoComplete}) for the
 * command line with every subcommand registered. Not part of the product.
 */
public final class CompletionScript {
  private CompletionScript() {}

  /**
   * Writes the script.
   *
   * @param args the file to write
   * @throws IOException when it cannot be written
   */
  public static void main(String[] args) throws IOException {
    String script =
        AutoComplete.bash("megaplan-cloud", MegaplanCloud.commandLine(CliEnvironment.system()));
    Files.writeString(Path.of(args[0]), script, StandardCharsets.UTF_8);
  }
}
