package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.RepoOverrideOptions;
import dev.megaplan.cloud.core.ChainLaunch;
import dev.megaplan.cloud.core.ChainLaunchReport;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.internal.json.Json;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code megaplan-cloud chain}: Upload a chain spec and its idea files, then start the chain in
 * tmux on the box. The launch report (spec 03 §10) goes to stdout, the summary line to stderr.
 */
@Command(
    name = "chain",
    mixinStandardHelpOptions = true,
    description =
        "Upload a chain spec and its idea files, then start the chain in tmux on the box.")
public final class ChainCommand extends CloudCommand {
  @Parameters(index = "0", paramLabel = "SPEC", description = "Local chain spec (chain.yaml).")
  Path spec;

  @Option(
      names = "--idea-dir",
      paramLabel = "DIR",
      description = "Where milestone idea files are looked up (default: the spec's directory).")
  Path ideaDir;

  @Option(
      names = {"--fresh", "--reset"},
      description = "Discard existing chain state and start over.")
  boolean fresh;

  @Option(
      names = "--no-git-refresh",
      description = "Pass --no-git-refresh to megaplan chain start.")
  boolean noGitRefresh;

  @Mixin RepoOverrideOptions repo;

  /** Creates the command; picocli calls this. */
  public ChainCommand() {}

  @Override
  public Integer call() {
    try (CloudSession session = openSession(repo)) {
      ChainLaunch launch =
          session
              .chain(environment().resolve(spec))
              .fresh(fresh)
              .noGitRefresh(noGitRefresh)
              .onSpecWarning(warning -> say("warning: " + warning));
      if (ideaDir != null) {
        launch.ideaDir(environment().resolve(ideaDir));
      }
      ChainLaunchReport report = launch.launch();
      // the report holds no remote output, but a URL in cloud.yaml might carry a token
      out().println(session.redactor().redact(Json.pretty(report.toMap())));
      out().flush();
      say(session.redactor().redact(report.summaryLine()));
      return 0;
    }
  }
}
