package dev.megaplan.cloud.testkit.kubernetes;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.providers.kubernetes.KubernetesProvider;
import dev.megaplan.cloud.testkit.ProviderContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubernetes provider holds the provider contract over the Kubernetes API: the real {@code
 * KubernetesProvider} deploys its StatefulSet to the API stand-in, and every exec, upload and read
 * travels through fabric8's pod exec WebSocket to a real process in the pod's root.
 */
class KubernetesProviderContractTest extends ProviderContractTest {
  @TempDir Path dir;
  KubernetesBox box;

  @Override
  protected Provider provider() {
    try {
      box = new KubernetesBox(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KubernetesProvider provider = box.provider(box.config(KubernetesBox.yaml("")));
    box.deploy(provider, Map.of());
    return provider;
  }

  @AfterEach
  void closeBox() {
    if (box != null) {
      box.close();
    }
  }
}
