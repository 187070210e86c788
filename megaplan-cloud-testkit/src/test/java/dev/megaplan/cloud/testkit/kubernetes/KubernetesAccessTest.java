package dev.megaplan.cloud.testkit.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.providers.kubernetes.KubernetesProvider;
import dev.megaplan.cloud.providers.kubernetes.internal.ClusterAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the provider finds the cluster: the session's KUBECONFIG, else its home's ~/.kube/config,
 * else an in-cluster service account; never this JVM's own environment.
 */
class KubernetesAccessTest {
  @TempDir Path dir;
  KubernetesBox box;

  @BeforeEach
  void setUp() throws Exception {
    box = new KubernetesBox(dir);
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  @Test
  void theHomesKubeconfigNamesTheClusterAndTheNamespace() {
    try (KubernetesProvider provider = box.provider(box.config(KubernetesBox.yaml("")))) {
      assertEquals("agents/megaplan-runner-0", provider.identity());
    }
  }

  @Test
  void kubeconfigFromTheEnvironmentWinsAndItsFirstExistingFileIsRead() throws Exception {
    Path other = box.standIn.writeKubeconfig(dir.resolve("other/config"), "elsewhere", "team-b");
    box.env.put("KUBECONFIG", dir.resolve("missing") + ":" + other);
    try (KubernetesProvider provider = box.provider(box.config(KubernetesBox.yaml("")))) {
      assertEquals("team-b/megaplan-runner-0", provider.identity());
    }
  }

  @Test
  void aContextWithoutANamespaceMeansDefaultAndTheBlockOverridesIt() {
    box.standIn.writeKubeconfig(box.home.resolve(".kube/config"), "bare", null);
    try (KubernetesProvider provider = box.provider(box.config(KubernetesBox.yaml("")))) {
      assertEquals("default/megaplan-runner-0", provider.identity());
    }
    try (KubernetesProvider provider =
        box.provider(box.config(KubernetesBox.yaml("kubernetes: {namespace: ci, name: r2}\n")))) {
      assertEquals("ci/r2-0", provider.identity());
    }
  }

  @Test
  void aContextTheKubeconfigDoesNotHaveIsInvalidSpecListingTheContexts() {
    try (KubernetesProvider provider =
        box.provider(box.config(KubernetesBox.yaml("kubernetes: {context: prod}\n")))) {
      CloudException e = assertThrows(CloudException.class, provider::identity);
      assertEquals(ErrorCode.INVALID_SPEC, e.code());
      assertTrue(e.getMessage().contains("kubernetes.context 'prod' is not in the kubeconfig"));
      assertTrue(e.getMessage().contains("(contexts: stand-in)"), e.getMessage());
    }
  }

  @Test
  void noCredentialsAtAllIsProviderUnavailableWithTheFixAndNothingIsContacted() throws Exception {
    Files.delete(box.home.resolve(".kube/config"));
    try (KubernetesProvider provider = box.provider(box.config(KubernetesBox.yaml("")))) {
      CloudException e =
          assertThrows(
              CloudException.class, () -> provider.remoteShell().orElseThrow().exec("true"));
      assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, e.code());
      assertTrue(e.getMessage().startsWith("No Kubernetes credentials"), e.getMessage());
      assertTrue(e.getMessage().contains("KUBECONFIG"), e.getMessage());
      assertTrue(e.getMessage().contains(box.home.resolve(".kube/config").toString()));
    }
    assertTrue(box.standIn.requests().isEmpty());
  }

  @Test
  void insideAClusterTheServiceAccountIsUsedWithItsNamespaceAndAFreshToken() throws Exception {
    Path account = Files.createDirectories(dir.resolve("serviceaccount"));
    Files.writeString(account.resolve("token"), "token-one\n");
    Files.writeString(account.resolve("namespace"), "runners\n");
    Map<String, String> env = new HashMap<>();
    env.put("KUBERNETES_SERVICE_HOST", "10.0.0.1");
    env.put("KUBERNETES_SERVICE_PORT", "6443");
    ClusterAccess access =
        ClusterAccess.resolve(Optional.empty(), env::get, dir.resolve("nohome"), account);
    assertEquals("https://10.0.0.1:6443/", access.config().getMasterUrl());
    assertEquals(Optional.of("runners"), access.namespace());
    assertEquals("token-one", access.config().getOauthTokenProvider().getToken());
    Files.writeString(account.resolve("token"), "token-two\n");
    assertEquals("token-two", access.config().getOauthTokenProvider().getToken());
    assertEquals("the pod's service account", access.source());
  }

  @Test
  void aContextNamedInsideAClusterWithoutKubeconfigIsInvalidSpec() throws Exception {
    Path account = Files.createDirectories(dir.resolve("serviceaccount"));
    Files.writeString(account.resolve("token"), "t");
    Map<String, String> env = Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1");
    CloudException e =
        assertThrows(
            CloudException.class,
            () ->
                ClusterAccess.resolve(
                    Optional.of("prod"), env::get, dir.resolve("nohome"), account));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertFalse(e.getMessage().contains("token"), e.getMessage());
  }
}
