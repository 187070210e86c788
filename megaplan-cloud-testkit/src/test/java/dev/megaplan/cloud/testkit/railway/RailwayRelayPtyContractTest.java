package dev.megaplan.cloud.testkit.railway;

import dev.megaplan.cloud.testkit.RequiredTool;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same contract with a real pseudo-terminal between the relay and the command ({@code script
 * -qfec}): echo and CR/LF translation must change nothing. Fails where {@code script} is missing
 * ({@code bin/test} installs it).
 */
class RailwayRelayPtyContractTest extends RailwayRelayContractTest {
  @BeforeAll
  static void scriptIsInstalled() {
    RequiredTool.require("script", "bsdutils");
  }

  @Override
  void configure(RailwayBox box) {
    box.relay.pseudoTerminal(true);
  }
}
