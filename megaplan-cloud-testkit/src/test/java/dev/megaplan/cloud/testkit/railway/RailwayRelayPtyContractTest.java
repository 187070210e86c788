package dev.megaplan.cloud.testkit.railway;

import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The same contract with a real pseudo-terminal between the relay and the command ({@code script
 * -qfec}): echo and CR/LF translation must change nothing. Skipped where {@code script} is missing.
 */
@EnabledIf("scriptInstalled")
class RailwayRelayPtyContractTest extends RailwayRelayContractTest {
  @Override
  void configure(RailwayBox box) {
    box.relay.pseudoTerminal(true);
  }

  static boolean scriptInstalled() {
    return java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/script"));
  }
}
