package dev.megaplan.cloud.testkit;

import dev.megaplan.cloud.api.provider.Provider;
import org.junit.jupiter.api.extension.RegisterExtension;

class HostProviderContractTest extends ProviderContractTest {
  @RegisterExtension final HostBoxExtension box = new HostBoxExtension();

  @Override
  protected Provider provider() {
    return box.provider();
  }
}
