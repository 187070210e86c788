package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud logs}. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description =
        "Show the runner's logs with secrets redacted. Follows until Ctrl-C (exit 0) unless"
            + " --no-follow, which prints the last 200 lines.")
public final class LogsCommand extends CloudCommand {
  @Option(names = "--no-follow", description = "Print the recent tail (200 lines) and exit.")
  boolean noFollow;

  /** Creates the command; picocli calls this. */
  public LogsCommand() {}

  @Override
  public Integer call() {
    try (CloudSession session = openSession(null)) {
      Redactor redactor = session.redactor();
      if (!noFollow) {
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      out().flush();
                      // following is meant to be stopped: Ctrl-C ends it with exit 0
                      Runtime.getRuntime().halt(0);
                    },
                    "megaplan-logs-stop"));
      }
      session
          .provider()
          .logs(
              LogRequest.builder()
                  .follow(!noFollow)
                  .sink(
                      line -> {
                        out().println(redactor.redact(line));
                        out().flush();
                      })
                  .build());
      return 0;
    }
  }
}
