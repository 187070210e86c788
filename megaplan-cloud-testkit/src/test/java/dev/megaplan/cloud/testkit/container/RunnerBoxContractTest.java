package dev.megaplan.cloud.testkit.container;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.testkit.ProviderContractTest;
import dev.megaplan.cloud.testkit.docker.DockerEngine;
import dev.megaplan.cloud.testkit.docker.EnabledIfDockerEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider contract held by a real container: {@link RunnerBoxContainer}'s provider runs every
 * command of the suite through the Docker API's exec in one container of the test runner image,
 * uploads on the exec's stdin included.
 */
@EnabledIfDockerEngine
class RunnerBoxContractTest extends ProviderContractTest {
  static RunnerBoxContainer box;

  @BeforeAll
  static void startBox() {
    box = new RunnerBoxContainer(DockerEngine.runnerImage());
    box.start();
  }

  @AfterAll
  static void stopBox() {
    if (box != null) {
      box.stop();
    }
  }

  @Override
  protected Provider provider() {
    return box.provider();
  }
}
