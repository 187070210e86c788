package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.CloudSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud destroy}. */
@Command(
    name = "destroy",
    mixinStandardHelpOptions = true,
    description =
        "Destroy the deployment and delete its volume. Asks for confirmation on the terminal"
            + " unless --yes; without a terminal, --yes is required.")
public final class DestroyCommand extends CloudCommand {
  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  /** Creates the command; picocli calls this. */
  public DestroyCommand() {}

  @Override
  public Integer call() {
    CloudConfig config = loadConfig();
    try (CloudSession session = openSession(null)) {
      if (!yes && !confirmed(config, session.provider().identity())) {
        say("cloud destroy: not confirmed; nothing was destroyed");
        return 1;
      }
      session.provider().destroy();
      // like the Python tool, nothing on stdout: only the human line on stderr
      say("cloud destroy: destroyed " + session.provider().identity());
      return 0;
    }
  }

  private boolean confirmed(CloudConfig config, String deployment) {
    if (!environment().interactive()) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          "`cloud destroy` needs confirmation: pass --yes (no terminal to ask on)");
    }
    err()
        .print(
            config
                .resources()
                .volume()
                .map(
                    volume ->
                        "Destroy cloud deployment and delete volume '" + volume + "'? [y/N]: ")
                .orElse(
                    "Destroy cloud deployment '"
                        + deployment
                        + "' ("
                        + config.provider()
                        + ", no volume configured)? [y/N]: "));
    err().flush();
    try {
      String answer =
          new BufferedReader(new InputStreamReader(environment().stdin(), StandardCharsets.UTF_8))
              .readLine();
      String normalized = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
      return normalized.equals("y") || normalized.equals("yes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
