import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.CloudYaml;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The SDK's chain status read on an open ssh session: a first read (it opens the connection) and
 * ten warm-up reads and execs, then RUNS pairs of a timed read and a timed {@code exec true} on the
 * same session, alternating so both see the same load; prints each and the medians in
 * milliseconds. Run by scripts/measure-ssh-latency: java -cp megaplan-cloud.jar
 * SshStatusTiming.java CLOUD_YAML RUNS
 */
public class SshStatusTiming {
  public static void main(String[] args) {
    Path cloudYaml = Path.of(args[0]).toAbsolutePath();
    int runs = Integer.parseInt(args[1]);
    try (CloudSession session =
        CloudSession.builder(CloudYaml.load(cloudYaml))
            .cloudYaml(cloudYaml)
            .home(Path.of(System.getenv("HOME")))
            .environment(System::getenv)
            .open()) {
      String first = session.chainStatus().read().effectiveStatus().toString();
      for (int i = 0; i < 10; i++) {
        session.chainStatus().read(); // an embedder's JVM is warm: let the JIT see the path
        session.exec("true");
      }
      double[] times = new double[runs];
      double[] execs = new double[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        session.chainStatus().read();
        times[i] = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        session.exec("true");
        execs[i] = (System.nanoTime() - start) / 1e6;
      }
      double median = median(times);
      StringBuilder each = new StringBuilder();
      for (double t : times) {
        each.append(String.format("%.1f ", t));
      }
      StringBuilder eachExec = new StringBuilder();
      for (double t : execs) {
        eachExec.append(String.format("%.1f ", t));
      }
      System.out.printf(
          "%-34s median %.1f ms (docker exec + bash -lc via the stand-in; %s)%n",
          "SDK exec 'true', open session:", median(execs), eachExec.toString().strip());
      System.out.printf(
          "%-34s %s; reads %s; median %.1f%n",
          "SDK status read, open session:", first, each.toString().strip(), median);
      System.out.printf(
          "%-34s %.2fx%n", "SDK read / exec 'true' (paired):", median / median(execs));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
