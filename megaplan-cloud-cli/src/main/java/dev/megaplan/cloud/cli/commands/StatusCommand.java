package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.cli.RepoOverrideOptions;
import dev.megaplan.cloud.core.ChainStatusReader;
import dev.megaplan.cloud.core.CloudSession;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code megaplan-cloud status}: megaplan's status JSON from the box, unchanged; {@code --chain}
 * the chain payload (04) with the summary on stderr; {@code --all} the chain sessions.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Print megaplan status JSON from the box; --chain prints the chain payload.",
      "Without --chain: runs `LAUNCHER status [--plan P]` in the last launched chain's workspace"
          + " (else repo.workspace) and prints its JSON unchanged.",
      "With --chain: the chain status payload on stdout and the chain summary on stderr; reads"
          + " only, never changes anything.",
      "With --all: the chain sessions on the box (same as `chains`)."
    })
public final class StatusCommand extends CloudCommand {
  @Option(names = "--plan", paramLabel = "PLAN", description = "The plan to report on.")
  String plan;

  @Option(
      names = "--chain",
      description = "Report the chain: JSON payload on stdout, summary on stderr.")
  boolean chain;

  @Option(names = "--all", description = "List every chain session on the box (same as `chains`).")
  boolean all;

  @Option(
      names = "--remote-spec",
      paramLabel = "PATH",
      description = "Remote chain spec path (default: the last launched chain).")
  String remoteSpec;

  @Mixin RepoOverrideOptions repo;

  /** Creates the command; picocli calls this. */
  public StatusCommand() {}

  @Override
  public Integer call() {
    checkFlags();
    try (CloudSession session = openSession(repo)) {
      if (all) {
        return ChainsOutput.print(this, session.chains());
      }
      if (chain) {
        ChainStatusReader reader = session.chainStatus();
        if (remoteSpec != null) {
          reader = reader.remoteSpec(remoteSpec);
        }
        ChainStatus status = reader.read();
        printJson(status);
        err().print(ChainStatusReader.summaryText(status));
        err().flush();
        return 0;
      }
      out().println(session.status(Optional.ofNullable(plan)).json());
      out().flush();
      return 0;
    }
  }

  private void checkFlags() {
    if (all && (chain || plan != null || remoteSpec != null)) {
      throw invalid(
          "--all lists every chain session; it takes no --chain, --plan or --remote-spec");
    }
    if (remoteSpec != null && !chain) {
      throw invalid("--remote-spec applies only with --chain");
    }
    if (chain && plan != null) {
      throw invalid(
          "--plan does not apply with --chain: the chain's current plan comes from its state");
    }
  }

  private static CloudException invalid(String message) {
    return new CloudException(ErrorCode.INVALID_ARGS, message);
  }
}
