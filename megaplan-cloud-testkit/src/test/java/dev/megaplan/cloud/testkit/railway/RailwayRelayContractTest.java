package dev.megaplan.cloud.testkit.railway;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.testkit.ProviderContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The railway provider's remote shell holds the provider contract over the relay protocol: the real
 * {@code RailwayProvider} and relay client, the relay stand-in running each command as a real
 * process here (streams merged, as the relay merges them).
 */
class RailwayRelayContractTest extends ProviderContractTest {
  @TempDir Path dir;
  RailwayBox box;

  @Override
  protected Provider provider() {
    try {
      box = new RailwayBox(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    configure(box);
    return box.provider(box.config(RailwayBox.yaml("")));
  }

  /**
   * Lets a subclass change the stand-in.
   *
   * @param box the box
   */
  void configure(RailwayBox box) {}

  @AfterEach
  void closeBox() {
    if (box != null) {
      box.close();
    }
  }
}
