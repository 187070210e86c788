package dev.megaplan.cloud.examples;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.core.ChainLaunchReport;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.CloudYaml;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Example: launch a chain and read its status from Java.
 *
 * <pre>
 * java -cp … dev.megaplan.cloud.examples.EmbedChainLaunch cloud.yaml briefs/epic/chain.yaml
 * </pre>
 */
public final class EmbedChainLaunch {
  private EmbedChainLaunch() {}

  /**
   * Launches the chain and prints where it stands.
   *
   * @param cloudYaml the cloud.yaml
   * @param chainSpec the local chain spec
   * @param out where to print
   * @return the chain's status right after the launch
   */
  public static ChainStatus run(Path cloudYaml, Path chainSpec, PrintStream out) {
    // snippet: embed-launch
    CloudConfig cfg = CloudYaml.load(cloudYaml);
    try (CloudSession session = CloudSession.open(cfg)) {
      ChainLaunchReport launch = session.chain(chainSpec).launch();
      out.println(launch.summaryLine());
      ChainStatus status = session.chainStatus().read();
      out.println("effective status: " + status.effectiveStatus().wireName());
      return status;
    }
    // end snippet
  }

  /**
   * Entry point.
   *
   * @param args the cloud.yaml path and the chain spec path
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: EmbedChainLaunch CLOUD_YAML CHAIN_SPEC");
      System.exit(2);
    }
    run(Path.of(args[0]), Path.of(args[1]), System.out);
  }
}
