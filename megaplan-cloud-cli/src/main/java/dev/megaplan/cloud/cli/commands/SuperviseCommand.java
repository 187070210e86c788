package dev.megaplan.cloud.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.supervisor.TickReport;
import dev.megaplan.cloud.cli.Durations;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.Supervisor;
import dev.megaplan.cloud.core.SupervisorWatch;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.supervisor.ObservationJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud supervise --chain}: one safe tick, a dry run, a replay, or a watch. */
@Command(
    name = "supervise",
    mixinStandardHelpOptions = true,
    description = {
      "Run one safe supervisor tick against the remote chain: observe, refresh branch/PR sync,"
          + " decide, act, report (JSON on stdout, one summary line on stderr).",
      "The only actions it ever takes: restart a dead runner, advance past a merged PR (both a"
          + " one-shot `chain start --one`). It never approves anything, bypasses a quality gate"
          + " or runs destructive git.",
      "Exit status: 0 when the tick succeeded, else 1."
    })
public final class SuperviseCommand extends CloudCommand {
  @Option(names = "--chain", description = "Supervise the chain (required).")
  boolean chain;

  @Option(
      names = "--remote-spec",
      paramLabel = "PATH",
      description = "Remote chain spec path (default: the last launched chain).")
  String remoteSpec;

  @Option(names = "--dry-run", description = "Decide, but take no action.")
  boolean dryRun;

  @Option(
      names = "--replay",
      paramLabel = "FILE",
      description =
          "Replay a recorded observation (the status payload plus pr_merge_state and"
              + " remote_shell): print the decision and report, touching no provider.")
  Path replay;

  @Option(
      names = "--record",
      paramLabel = "FILE",
      description = "Write the tick's observation to FILE, for --replay.")
  Path record;

  @Option(
      names = "--watch",
      description =
          "Tick repeatedly (one JSON line per tick) until the chain is complete or needs a human.")
  boolean watch;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description =
          "Time between ticks with --watch: 30s, 5m, 1h or PT30S (default: ${DEFAULT-VALUE}).")
  String interval;

  /** Creates the command; picocli calls this. */
  public SuperviseCommand() {}

  @Override
  public Integer call() throws Exception {
    if (!chain) {
      throw new CloudException(ErrorCode.INVALID_ARGS, "`cloud supervise` requires --chain");
    }
    if (replay != null) {
      return replay();
    }
    Duration every = Durations.parse(interval, "--interval");
    try (CloudSession session = openSession(null)) {
      Supervisor supervisor = session.supervisor(Optional.ofNullable(remoteSpec));
      if (watch) {
        SupervisorWatch running =
            supervisor.watch(
                every,
                report -> {
                  out().println(Json.compact(report));
                  out().flush();
                  say(report.summaryLine());
                });
        while (!running.await(Duration.ofSeconds(1))) {
          // wait; Ctrl-C ends the JVM
        }
        TickReport last = running.lastReport();
        return last == null || last.success() ? 0 : 1;
      }
      Supervisor.Tick tick = supervisor.tick(dryRun);
      if (record != null && tick.observation().isPresent()) {
        Files.writeString(
            environment().resolve(record),
            Json.pretty(ObservationJson.tree(tick.observation().get())) + "\n");
      }
      return print(tick.report());
    }
  }

  private int replay() {
    Path file = environment().resolve(replay);
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          "cannot read the observation " + file + ": " + e.getMessage(),
          Map.of("replay", file.toString()));
    }
    return print(Supervisor.replay(ObservationJson.read(tree)));
  }

  private int print(TickReport report) {
    printJson(report);
    say(report.summaryLine());
    return report.success() ? 0 : 1;
  }
}
