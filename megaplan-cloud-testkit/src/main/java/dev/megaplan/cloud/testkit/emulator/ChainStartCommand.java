package dev.megaplan.cloud.testkit.emulator;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code chain start --spec S [--one] [--no-git-refresh]}: drives the chain of spec {@code S}
 * ({@code --no-git-refresh} is accepted and has nothing to do: the emulator touches no git).
 */
final class ChainStartCommand {
  private ChainStartCommand() {}

  static int run(List<String> args, WorkingDirectory cwd, PrintStream out) {
    Arguments arguments =
        Arguments.parse(args, 2, List.of("--spec"), List.of("--one", "--no-git-refresh"));
    String spec = arguments.required("--spec", "chain start");
    ChainSpec chain = ChainSpec.load(ChainStatePath.absoluteSpec(spec, cwd.physical()));
    return new ChainDriver(chain, out, new PullRequestProbe(), Sleeper.REAL)
        .run(arguments.has("--one"));
  }
}
