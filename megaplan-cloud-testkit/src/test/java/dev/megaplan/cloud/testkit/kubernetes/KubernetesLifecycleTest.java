package dev.megaplan.cloud.testkit.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.providers.kubernetes.KubernetesProvider;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubernetes provider's object lifecycle against the API stand-in: the exact objects deploy
 * writes, what a second deploy, down and destroy do, and the failures a user meets.
 */
@Timeout(120)
class KubernetesLifecycleTest {
  static final String SECRET = "pl4nted-k8s-secret-value-5150";
  static final String NS = KubernetesBox.NAMESPACE;

  @TempDir Path dir;
  KubernetesBox box;
  KubernetesClient api;

  @BeforeEach
  void setUp() throws Exception {
    box = new KubernetesBox(dir);
    api = box.standIn.client();
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  private KubernetesProvider provider(String extra) {
    return box.provider(box.config(KubernetesBox.yaml("secrets: [E2E_TOKEN]\n" + extra)));
  }

  private DeployReport deploy(KubernetesProvider provider, String value) {
    return box.deploy(provider, Map.of("E2E_TOKEN", value));
  }

  private static void eventually(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never: " + what);
      }
      Thread.sleep(50);
    }
  }

  @Test
  void deployWritesTheExactSecretStatefulSetAndClaim() {
    try (KubernetesProvider provider =
        provider(
            "resources: {port: 9090}\n"
                + "kubernetes:\n"
                + "  storage: 5Gi\n"
                + "  storage_class: fast\n"
                + "  requests: {cpu: 500m, memory: 1Gi}\n"
                + "  limits: {cpu: 2, memory: 4Gi}\n"
                + "  service_account: megaplan\n"
                + "  image_pull_secret: ghcr-pull\n")) {
      DeployReport report = deploy(provider, SECRET);
      assertTrue(report.success(), report.verdict());
      assertEquals("agents/megaplan-runner-0", report.service());
      assertEquals(List.of("E2E_TOKEN"), report.varsUpdated());
      assertEquals("not_triggered", report.imageRebuild());
      assertFalse(report.noOp());
    }
    Secret secret = api.secrets().inNamespace(NS).withName("megaplan-runner-secrets").get();
    assertEquals("Opaque", secret.getType());
    assertEquals(
        Map.of(
            "E2E_TOKEN",
            Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))),
        secret.getData());
    assertEquals(
        "megaplan-cloud", secret.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));

    StatefulSet set = api.apps().statefulSets().inNamespace(NS).withName("megaplan-runner").get();
    assertEquals(1, set.getSpec().getReplicas());
    assertEquals("megaplan-runner", set.getSpec().getServiceName());
    assertEquals(
        Map.of(
            "app.kubernetes.io/name",
            "megaplan-runner",
            "app.kubernetes.io/instance",
            "megaplan-runner"),
        set.getSpec().getSelector().getMatchLabels());
    assertEquals(1, set.getSpec().getTemplate().getSpec().getContainers().size());
    Container agent = set.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("agent", agent.getName());
    assertEquals("registry.example.com/team/runner:1", agent.getImage());
    assertEquals("megaplan-runner-secrets", agent.getEnvFrom().get(0).getSecretRef().getName());
    assertEquals(1, agent.getEnv().size());
    assertEquals("PORT", agent.getEnv().get(0).getName());
    assertEquals("9090", agent.getEnv().get(0).getValue());
    assertEquals(9090, agent.getPorts().get(0).getContainerPort());
    assertEquals("/", agent.getReadinessProbe().getHttpGet().getPath());
    assertEquals("health", agent.getReadinessProbe().getHttpGet().getPort().getStrVal());
    assertEquals("/workspace", agent.getVolumeMounts().get(0).getMountPath());
    assertEquals("workspace", agent.getVolumeMounts().get(0).getName());
    assertEquals(new Quantity("500m"), agent.getResources().getRequests().get("cpu"));
    assertEquals(new Quantity("1Gi"), agent.getResources().getRequests().get("memory"));
    assertEquals(new Quantity("2"), agent.getResources().getLimits().get("cpu"));
    assertEquals(new Quantity("4Gi"), agent.getResources().getLimits().get("memory"));
    assertEquals("megaplan", set.getSpec().getTemplate().getSpec().getServiceAccountName());
    assertEquals(
        "ghcr-pull", set.getSpec().getTemplate().getSpec().getImagePullSecrets().get(0).getName());
    PersistentVolumeClaim template = set.getSpec().getVolumeClaimTemplates().get(0);
    assertEquals("workspace", template.getMetadata().getName());
    assertEquals(List.of("ReadWriteOnce"), template.getSpec().getAccessModes());
    assertEquals("fast", template.getSpec().getStorageClassName());
    assertEquals(
        new Quantity("5Gi"), template.getSpec().getResources().getRequests().get("storage"));

    PersistentVolumeClaim claim =
        api.persistentVolumeClaims().inNamespace(NS).withName("workspace-megaplan-runner-0").get();
    assertNotNull(claim, "the controller created the pod's claim");
    Pod pod = api.pods().inNamespace(NS).withName("megaplan-runner-0").get();
    assertEquals("Running", pod.getStatus().getPhase());
  }

  @Test
  void theSecretValueIsOnlyInTheSecretsBody() throws Exception {
    DeployReport report;
    try (KubernetesProvider provider = provider("")) {
      report = deploy(provider, SECRET);
      provider.remoteShell().orElseThrow().exec("echo ok");
    }
    String encoded = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
    List<Object> others =
        List.of(
            api.apps().statefulSets().inNamespace(NS).withName("megaplan-runner").get(),
            api.pods().inNamespace(NS).withName("megaplan-runner-0").get(),
            api.persistentVolumeClaims()
                .inNamespace(NS)
                .withName("workspace-megaplan-runner-0")
                .get());
    for (Object object : others) {
      String json = api.getKubernetesSerialization().asJson(object);
      assertFalse(json.contains(SECRET) || json.contains(encoded), json);
    }
    String reportJson = Json.compact(report);
    assertFalse(reportJson.contains(SECRET) || reportJson.contains(encoded), reportJson);
    for (String request : box.standIn.requests()) {
      assertFalse(request.contains(SECRET) || request.contains(encoded), request);
    }
    for (KubernetesStandIn.Exec exec : box.execs()) {
      assertFalse(String.join(" ", exec.command()).contains(SECRET), exec.toString());
    }
  }

  @Test
  void aSecondIdenticalDeployIsANoOp() {
    try (KubernetesProvider provider = provider("")) {
      deploy(provider, SECRET);
      String version = version();
      DeployReport again = deploy(provider, SECRET);
      assertTrue(again.noOp(), again.verdict());
      assertEquals(List.of(), again.varsUpdated());
      assertEquals("ok", again.steps().get(0).status());
      assertTrue(again.steps().get(0).detail().orElseThrow().startsWith("unchanged"));
      assertTrue(again.steps().get(1).detail().orElseThrow().startsWith("unchanged"));
      assertEquals(version, version(), "nothing was written");
    }
  }

  private String version() {
    return api.apps()
        .statefulSets()
        .inNamespace(NS)
        .withName("megaplan-runner")
        .get()
        .getMetadata()
        .getAnnotations()
        .get("megaplan.dev/applied-sha256");
  }

  @Test
  void aChangedSecretUpdatesOnlyThatKeyAndRestartsThePod() throws Exception {
    try (KubernetesProvider provider = provider("")) {
      deploy(provider, SECRET);
      String before =
          api.pods().inNamespace(NS).withName("megaplan-runner-0").get().getMetadata().getUid();
      DeployReport changed = deploy(provider, SECRET + "-rotated");
      assertFalse(changed.noOp());
      assertEquals(List.of("E2E_TOKEN"), changed.varsUpdated());
      assertTrue(changed.steps().get(1).detail().orElseThrow().startsWith("updated"));
      Pod after = api.pods().inNamespace(NS).withName("megaplan-runner-0").get();
      assertNotEquals(before, after.getMetadata().getUid(), "a new pod reads the new secret");
      assertTrue(PodReady.isReady(after));
    }
  }

  @Test
  void downScalesToZeroKeepsTheClaimAndTheNextDeployScalesBackUp() throws Exception {
    try (KubernetesProvider provider = provider("")) {
      deploy(provider, SECRET);
      provider.down();
      assertEquals(
          0,
          api.apps()
              .statefulSets()
              .inNamespace(NS)
              .withName("megaplan-runner")
              .get()
              .getSpec()
              .getReplicas());
      eventually(
          () -> api.pods().inNamespace(NS).withName("megaplan-runner-0").get() == null,
          "the pod stops");
      assertNotNull(
          api.persistentVolumeClaims()
              .inNamespace(NS)
              .withName("workspace-megaplan-runner-0")
              .get());
      DeployReport up = deploy(provider, SECRET);
      assertFalse(up.noOp());
      assertTrue(up.steps().get(1).detail().orElseThrow().startsWith("scaled up"), up.toString());
    }
  }

  @Test
  void downWithoutAStatefulSetIsProviderFailedNamingIt() {
    try (KubernetesProvider provider = provider("")) {
      CloudException e = assertThrows(CloudException.class, provider::down);
      assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
      assertTrue(e.getMessage().contains("agents/megaplan-runner"), e.getMessage());
    }
  }

  private void plantNeighbours() {
    api.secrets()
        .inNamespace(NS)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("someone-else")
                .endMetadata()
                .addToData("k", "dg==")
                .build())
        .create();
    api.persistentVolumeClaims()
        .inNamespace(NS)
        .resource(
            new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName("data-other-0")
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .endSpec()
                .build())
        .create();
  }

  @Test
  void destroyWithoutAVolumeDeletesTheStatefulSetAndSecretAndKeepsTheClaim() throws Exception {
    plantNeighbours();
    try (KubernetesProvider provider = provider("")) {
      deploy(provider, SECRET);
      provider.destroy();
    }
    assertNull(api.apps().statefulSets().inNamespace(NS).withName("megaplan-runner").get());
    assertNull(api.secrets().inNamespace(NS).withName("megaplan-runner-secrets").get());
    assertNotNull(
        api.persistentVolumeClaims().inNamespace(NS).withName("workspace-megaplan-runner-0").get());
    assertNotNull(api.secrets().inNamespace(NS).withName("someone-else").get());
    assertNotNull(api.persistentVolumeClaims().inNamespace(NS).withName("data-other-0").get());
    eventually(
        () -> api.pods().inNamespace(NS).withName("megaplan-runner-0").get() == null,
        "the pod goes with its StatefulSet");
  }

  @Test
  void destroyWithAVolumeAlsoDeletesThatClaimAndNothingElse() {
    plantNeighbours();
    try (KubernetesProvider provider = provider("resources: {volume: data}\n")) {
      deploy(provider, SECRET);
      assertNotNull(
          api.persistentVolumeClaims().inNamespace(NS).withName("data-megaplan-runner-0").get());
      provider.destroy();
    }
    assertNull(
        api.persistentVolumeClaims().inNamespace(NS).withName("data-megaplan-runner-0").get());
    assertNull(api.apps().statefulSets().inNamespace(NS).withName("megaplan-runner").get());
    assertNotNull(api.secrets().inNamespace(NS).withName("someone-else").get());
    assertNotNull(api.persistentVolumeClaims().inNamespace(NS).withName("data-other-0").get());
  }

  @Test
  void changingTheStorageIsRefusedBeforeAnythingIsWritten() {
    try (KubernetesProvider provider = provider("")) {
      deploy(provider, SECRET);
    }
    String before = version();
    try (KubernetesProvider bigger = provider("kubernetes: {storage: 50Gi}\n")) {
      CloudException e = assertThrows(CloudException.class, () -> deploy(bigger, "other-value"));
      assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
      assertTrue(e.getMessage().contains("kubernetes.storage"), e.getMessage());
      assertTrue(e.getMessage().contains("destroy"), e.getMessage());
    }
    assertEquals(before, version());
    Secret secret = api.secrets().inNamespace(NS).withName("megaplan-runner-secrets").get();
    assertEquals(
        Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)),
        secret.getData().get("E2E_TOKEN"),
        "the secret was not touched either");
  }

  @Test
  void aPodThatNeverBecomesReadyFailsTheDeployNamingThePodAndItsPhase() {
    box.standIn.holdPodsPending(true);
    box.rolloutTimeout = Duration.ofSeconds(2);
    List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (KubernetesProvider provider = provider("")) {
      CloudException e =
          assertThrows(
              CloudException.class,
              () ->
                  provider.deploy(
                      dev.megaplan.cloud.api.provider.DeployRequest.builder()
                          .secrets(Map.of("E2E_TOKEN", SECRET))
                          .progress(progress::add)
                          .build()));
      assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
      assertTrue(
          e.getMessage().startsWith("pod agents/megaplan-runner-0 was not ready"), e.getMessage());
      assertTrue(e.getMessage().contains("phase Pending"), e.getMessage());
    }
    assertTrue(
        progress.stream()
            .anyMatch(line -> line.startsWith("Waiting for pod agents/megaplan-runner-0")),
        progress.toString());
  }

  @Test
  void execOnAPodThatIsNotReadyIsProviderFailedNamingItsPhaseWithoutHanging() {
    box.standIn.holdPodsPending(true);
    box.rolloutTimeout = Duration.ofMillis(500);
    try (KubernetesProvider provider = provider("")) {
      assertThrows(CloudException.class, () -> deploy(provider, SECRET));
      long start = System.nanoTime();
      CloudException e =
          assertThrows(
              CloudException.class, () -> provider.remoteShell().orElseThrow().exec("true"));
      assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
      assertTrue(
          e.getMessage().startsWith("pod agents/megaplan-runner-0 is not ready (phase Pending"),
          e.getMessage());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    }
    assertTrue(box.execs().isEmpty(), "no exec was attempted");
  }

  @Test
  void execWithoutARunnerSaysToDeploy() {
    try (KubernetesProvider provider = provider("")) {
      CloudException e =
          assertThrows(
              CloudException.class, () -> provider.remoteShell().orElseThrow().exec("true"));
      assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
      assertTrue(e.getMessage().contains("does not exist: deploy the runner"), e.getMessage());
    }
  }

  @Test
  void aStreamClosedMidExecIsProviderFailed() {
    try (KubernetesProvider provider = provider("")) {
      deploy(provider, SECRET);
      box.standIn.dropExecsAfterOutput(true);
      CloudException e =
          assertThrows(
              CloudException.class,
              () -> provider.remoteShell().orElseThrow().exec("echo partial; sleep 5; echo rest"));
      assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
      assertTrue(e.getMessage().contains("closed before the command finished"), e.getMessage());
    }
  }

  @Test
  void aConfigBuiltInCodeWithoutImageRefIsInvalidSpecNamingTheFieldBeforeAnyCall() {
    dev.megaplan.cloud.api.config.CloudConfig config =
        dev.megaplan.cloud.api.config.CloudConfig.builder()
            .provider("kubernetes")
            .repo(
                dev.megaplan.cloud.api.config.RepoConfig.builder().url("https://x/app.git").build())
            .build();
    try (KubernetesProvider provider = box.provider(config)) {
      CloudException e = assertThrows(CloudException.class, () -> deploy(provider, SECRET));
      assertEquals(ErrorCode.INVALID_SPEC, e.code());
      assertTrue(e.getMessage().startsWith("image.ref is required"), e.getMessage());
      assertThrows(CloudException.class, provider::manifests);
    }
    assertTrue(box.standIn.requests().isEmpty(), box.standIn.requests().toString());
  }

  @Test
  void buildBuildsNothingAndNamesTheImage() {
    try (KubernetesProvider provider = provider("")) {
      DeployReport report =
          provider.build(dev.megaplan.cloud.api.provider.DeployRequest.builder().build());
      assertTrue(report.success());
      assertEquals("registry.example.com/team/runner:1", report.imageRef().orElseThrow());
      assertEquals("skipped", report.steps().get(0).status());
    }
    assertTrue(box.standIn.requests().isEmpty(), box.standIn.requests().toString());
  }

  /** Readiness as the provider judges it. */
  static final class PodReady {
    static boolean isReady(Pod pod) {
      return dev.megaplan.cloud.providers.kubernetes.internal.PodGate.isReady(pod);
    }
  }
}
