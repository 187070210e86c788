package dev.megaplan.cloud.examples;

import dev.megaplan.cloud.api.supervisor.TickReport;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.SupervisorWatch;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Example: host the supervisor loop in your own process, printing each tick.
 *
 * <pre>
 * java -cp … dev.megaplan.cloud.examples.EmbedSupervisorLoop cloud.yaml 30s
 * </pre>
 */
public final class EmbedSupervisorLoop {
  private EmbedSupervisorLoop() {}

  /**
   * Supervises the last launched chain until it is complete or needs a human.
   *
   * @param cloudYaml the cloud.yaml
   * @param interval the time between ticks
   * @param limit how long to supervise at most
   * @param out where each tick's summary goes
   * @return the last tick's report
   * @throws InterruptedException when interrupted while waiting
   */
  public static TickReport run(Path cloudYaml, Duration interval, Duration limit, PrintStream out)
      throws InterruptedException {
    // snippet: embed-supervisor
    try (CloudSession session = CloudSession.open(CloudYaml.load(cloudYaml))) {
      SupervisorWatch watch =
          session.supervisor().watch(interval, report -> out.println(report.summaryLine()));
      if (!watch.await(limit)) {
        watch.cancel();
        watch.await(interval.plusSeconds(30));
      }
      return watch.lastReport();
    }
    // end snippet
  }

  /**
   * Entry point.
   *
   * @param args the cloud.yaml path and the interval in seconds
   * @throws InterruptedException when interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: EmbedSupervisorLoop CLOUD_YAML INTERVAL_SECONDS");
      System.exit(2);
    }
    Duration interval = Duration.ofSeconds(Long.parseLong(args[1]));
    TickReport last = run(Path.of(args[0]), interval, Duration.ofHours(24), System.out);
    System.exit(last != null && last.success() ? 0 : 1);
  }
}
