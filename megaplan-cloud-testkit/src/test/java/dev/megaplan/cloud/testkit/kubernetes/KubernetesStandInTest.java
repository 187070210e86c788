package dev.megaplan.cloud.testkit.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in itself, driven with fabric8's own client as a provider would drive it. */
@Timeout(60)
class KubernetesStandInTest {
  @TempDir Path dir;
  KubernetesStandIn standIn;
  KubernetesClient client;

  @BeforeEach
  void start() {
    standIn =
        KubernetesStandIn.start(
            dir.resolve("pods"), Map.of("PATH", System.getenv("PATH"), "LANG", "C.UTF-8"));
    client = standIn.client();
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  private StatefulSet statefulSet(int replicas) {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName("runner")
        .withNamespace("ns")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", "runner")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "runner")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("agent")
        .withImage("runner:1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .addNewVolumeClaimTemplate()
        .withNewMetadata()
        .withName("workspace")
        .endMetadata()
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withNewResources()
        .addToRequests("storage", new io.fabric8.kubernetes.api.model.Quantity("1Gi"))
        .endResources()
        .endSpec()
        .endVolumeClaimTemplate()
        .endSpec()
        .build();
  }

  private Pod readyPod() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Pod pod = client.pods().inNamespace("ns").withName("runner-0").get();
      if (pod != null && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())) {
        return pod;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("runner-0 never became ready");
  }

  @Test
  void aStatefulSetGetsAReadyPodItsClaimAndAStatus() throws Exception {
    client.apps().statefulSets().inNamespace("ns").resource(statefulSet(1)).create();
    Pod pod = readyPod();
    assertEquals("agent", pod.getSpec().getContainers().get(0).getName());
    assertNotNull(
        client.persistentVolumeClaims().inNamespace("ns").withName("workspace-runner-0").get());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    StatefulSet set;
    do {
      Thread.sleep(50);
      set = client.apps().statefulSets().inNamespace("ns").withName("runner").get();
    } while ((set.getStatus() == null
            || !Integer.valueOf(1).equals(set.getStatus().getReadyReplicas()))
        && System.nanoTime() < deadline);
    assertEquals(1, set.getStatus().getReadyReplicas());
    assertEquals(
        pod.getMetadata().getLabels().get("controller-revision-hash"),
        set.getStatus().getUpdateRevision());
  }

  @Test
  void scalingToZeroDeletesThePodAndKeepsTheClaim() throws Exception {
    client.apps().statefulSets().inNamespace("ns").resource(statefulSet(1)).create();
    readyPod();
    client.apps().statefulSets().inNamespace("ns").resource(statefulSet(0)).update();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (client.pods().inNamespace("ns").withName("runner-0").get() != null
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertNull(client.pods().inNamespace("ns").withName("runner-0").get());
    assertNotNull(
        client.persistentVolumeClaims().inNamespace("ns").withName("workspace-runner-0").get());
  }

  @Test
  void execRunsARealProcessInThePodRootWithSeparateStreamsAndTheExitCode() throws Exception {
    client.apps().statefulSets().inNamespace("ns").resource(statefulSet(1)).create();
    readyPod();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ExecWatch watch =
        client
            .pods()
            .inNamespace("ns")
            .withName("runner-0")
            .inContainer("agent")
            .redirectingInput()
            .writingOutput(out)
            .writingError(err)
            .exec("bash", "-c", "head -c 10 > got.txt; pwd; echo oops >&2; exit 3")) {
      watch.getInput().write("from stdin".getBytes(StandardCharsets.UTF_8));
      watch.getInput().flush();
      assertEquals(3, watch.exitCode().get(20, TimeUnit.SECONDS));
    }
    Path root = standIn.podRoot("ns", "runner-0");
    assertEquals(root.toRealPath() + "\n", out.toString(StandardCharsets.UTF_8));
    assertEquals("oops\n", err.toString(StandardCharsets.UTF_8));
    assertEquals("from stdin", Files.readString(root.resolve("got.txt")));
    KubernetesStandIn.Exec exec = standIn.execs().get(0);
    assertEquals(
        List.of("bash", "-c", "head -c 10 > got.txt; pwd; echo oops >&2; exit 3"), exec.command());
    assertEquals("agent", exec.container());
    assertTrue(exec.stdin());
    assertEquals("v4.channel.k8s.io", exec.protocol());
  }

  @Test
  void execOnAPendingPodIsRefusedBeforeTheUpgrade() throws Exception {
    standIn.holdPodsPending(true);
    client.apps().statefulSets().inNamespace("ns").resource(statefulSet(1)).create();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (client.pods().inNamespace("ns").withName("runner-0").get() == null
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    KubernetesClientException failure =
        assertThrows(
            KubernetesClientException.class,
            () ->
                client
                    .pods()
                    .inNamespace("ns")
                    .withName("runner-0")
                    .inContainer("agent")
                    .writingOutput(new ByteArrayOutputStream())
                    .exec("true"));
    assertTrue(
        String.valueOf(failure.getCause()).contains("HandshakeException"), failure.toString());
    assertTrue(standIn.execs().isEmpty());
  }

  @Test
  void aDroppedExecStreamEndsWithoutAnExitStatus() throws Exception {
    client.apps().statefulSets().inNamespace("ns").resource(statefulSet(1)).create();
    readyPod();
    standIn.dropExecsAfterOutput(true);
    try (ExecWatch watch =
        client
            .pods()
            .inNamespace("ns")
            .withName("runner-0")
            .inContainer("agent")
            .writingOutput(new ByteArrayOutputStream())
            .exec("bash", "-c", "echo first; sleep 5; echo never")) {
      assertNull(watch.exitCode().get(20, TimeUnit.SECONDS));
    }
  }

  @Test
  void logsHonourTailSinceAndTimestamps() throws Exception {
    client.apps().statefulSets().inNamespace("ns").resource(statefulSet(1)).create();
    readyPod();
    java.time.Instant t0 = java.time.Instant.parse("2026-12-01T10:00:00.000000001Z");
    for (int i = 0; i < 5; i++) {
      standIn.appendLog("ns", "runner-0", t0.plusSeconds(i), "line " + i);
    }
    String tail =
        client
            .pods()
            .inNamespace("ns")
            .withName("runner-0")
            .inContainer("agent")
            .tailingLines(2)
            .getLog();
    assertEquals("line 3\nline 4\n", tail);
    String since =
        client
            .pods()
            .inNamespace("ns")
            .withName("runner-0")
            .inContainer("agent")
            .usingTimestamps()
            .sinceTime(t0.plusSeconds(3).toString())
            .getLog();
    assertEquals(t0.plusSeconds(3) + " line 3\n" + t0.plusSeconds(4) + " line 4\n", since);
  }

  @Test
  void apiErrorsArePlainKubernetesStatuses() {
    KubernetesClientException e =
        assertThrows(
            KubernetesClientException.class,
            () ->
                client
                    .pods()
                    .inNamespace("ns")
                    .withName("nobody-0")
                    .inContainer("agent")
                    .tailingLines(1)
                    .getLog());
    assertEquals(404, e.getCode());
  }
}
