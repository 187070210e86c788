package dev.megaplan.cloud.testkit;

import dev.megaplan.cloud.api.provider.Provider;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

class FakeProviderContractTest extends ProviderContractTest {
  private FakeProvider fake;

  @Override
  protected Provider provider() {
    fake = new FakeProvider();
    ProviderContractTest.bashAnswers()
        .forEach((command, result) -> fake.when(Match.exactly(command)).thenReturn(result));
    fake.when(Match.exactly(SLOW)).thenHang();
    return fake;
  }

  @Override
  protected int modeOf(String remotePath) {
    OptionalInt mode = fake.mode(remotePath);
    return mode.orElseThrow();
  }

  @Override
  protected byte[] bytesOf(String remotePath) {
    return fake.file(remotePath).orElseThrow();
  }

  @Override
  protected List<String> entriesOf(String remoteDir) {
    String prefix = remoteDir + "/";
    return fake.paths().stream()
        .filter(path -> path.startsWith(prefix))
        .map(path -> path.substring(prefix.length()).split("/", 2)[0])
        .distinct()
        .sorted()
        .collect(Collectors.toList());
  }
}
