package dev.megaplan.cloud.testkit.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.providers.kubernetes.KubernetesProvider;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The pod's log through the API, and the manifests deploy would apply. */
@Timeout(120)
class KubernetesLogsAndManifestsTest {
  static final String POD = KubernetesBox.POD;
  static final String NS = KubernetesBox.NAMESPACE;

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
  void noFollowPrintsTheLastTwoHundredLines() {
    try (KubernetesProvider provider = box.provider(box.config(KubernetesBox.yaml("")))) {
      box.deploy(provider, Map.of());
      Instant t0 = Instant.parse("2026-12-04T10:00:00Z");
      for (int i = 0; i < 250; i++) {
        box.standIn.appendLog(NS, POD, t0.plusMillis(i), "line " + i);
      }
      List<String> lines = new ArrayList<>();
      provider.logs(LogRequest.builder().follow(false).sink(lines::add).build());
      assertEquals(200, lines.size());
      assertEquals("line 50", lines.get(0));
      assertEquals("line 249", lines.get(199));
    }
  }

  @Test
  void followReconnectsAfterEachDroppedStreamWithoutDuplicatesOrGaps() throws Exception {
    List<String> expected = new ArrayList<>();
    Instant t0 = Instant.parse("2026-12-04T10:00:00.100Z");
    try (KubernetesProvider provider = box.provider(box.config(KubernetesBox.yaml("")))) {
      box.deploy(provider, Map.of());
      add(t0, "boot", expected);
      add(t0.plusMillis(500), "same instant a", expected);
      add(t0.plusMillis(500), "same instant b", expected);
      List<String> seen = new CopyOnWriteArrayList<>();
      Thread follower =
          new Thread(
              () -> provider.logs(LogRequest.builder().follow(true).sink(seen::add).build()));
      follower.start();
      waitFor(seen, expected.size());
      // later in the same second as the last line, then the same instant again, then later on
      add(t0.plusMillis(600), "same second later", expected);
      add(t0.plusMillis(600), "same second later twin", expected);
      waitFor(seen, expected.size());
      add(t0.plusSeconds(3), "three seconds on", expected);
      waitFor(seen, expected.size());
      Thread.sleep(400);
      follower.interrupt();
      follower.join(10_000);
      assertFalse(follower.isAlive(), "follow ends when its thread is interrupted");
      assertEquals(expected, seen);
    }
    assertTrue(
        box.standIn.requests().stream()
            .anyMatch(r -> r.contains("/log?") && r.contains("sinceTime=2026-12-04T10:00:00Z")),
        box.standIn.requests().toString());
  }

  private void add(Instant at, String text, List<String> expected) {
    box.standIn.appendLog(NS, POD, at, text);
    expected.add(text);
  }

  private static void waitFor(List<String> seen, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (seen.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(count, seen.size(), seen.toString());
  }

  @Test
  void printedManifestsParseBackAsTheRoleTheRedactedSecretAndTheStatefulSet() throws Exception {
    String printed;
    box.env.put("E2E_TOKEN", "pl4nted-manifest-secret");
    try (KubernetesProvider provider =
        box.provider(
            box.config(
                KubernetesBox.yaml("secrets: [E2E_TOKEN]\nkubernetes: {namespace: ci}\n")))) {
      printed = provider.manifests();
    }
    assertFalse(printed.contains("pl4nted-manifest-secret"));
    List<HasMetadata> objects =
        box.standIn
            .client()
            .load(new ByteArrayInputStream(printed.getBytes(StandardCharsets.UTF_8)))
            .items();
    assertEquals(3, objects.size(), printed);
    Role role = (Role) objects.get(0);
    Secret secret = (Secret) objects.get(1);
    StatefulSet set = (StatefulSet) objects.get(2);
    assertEquals("ci", role.getMetadata().getNamespace());
    assertEquals(Map.of("E2E_TOKEN", "***REDACTED***"), secret.getStringData());
    assertEquals("megaplan-runner-secrets", secret.getMetadata().getName());
    assertEquals("ci", set.getMetadata().getNamespace());
    assertEquals(
        "registry.example.com/team/runner:1",
        set.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    assertTrue(box.standIn.requests().isEmpty(), "printing contacts no cluster");

    Role documented =
        box.standIn
            .client()
            .getKubernetesSerialization()
            .unmarshal(Files.readString(Path.of("../docs/kubernetes-role.yaml")), Role.class);
    assertEquals(documented.getMetadata().getName(), role.getMetadata().getName());
    assertEquals(documented.getRules(), role.getRules(), "docs/kubernetes-role.yaml is the Role");
  }

  @Test
  void manifestsNeedNoCredentials() throws Exception {
    Files.delete(box.home.resolve(".kube/config"));
    try (KubernetesProvider provider = box.provider(box.config(KubernetesBox.yaml("")))) {
      String printed = provider.manifests();
      for (HasMetadata object :
          box.standIn
              .client()
              .load(new ByteArrayInputStream(printed.getBytes(StandardCharsets.UTF_8)))
              .items()) {
        assertEquals("default", object.getMetadata().getNamespace(), printed);
      }
    }
  }
}
