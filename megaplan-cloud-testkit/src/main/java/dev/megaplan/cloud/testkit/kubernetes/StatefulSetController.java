package dev.megaplan.cloud.testkit.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the cluster's StatefulSet controller and kubelet for one-replica StatefulSets, which a mock
 * API server does not run: for each StatefulSet it keeps pod {@code <name>-0} at the current
 * revision of the pod template (label {@code controller-revision-hash}), creates the claims of its
 * {@code volumeClaimTemplates} ({@code <template>-<name>-0}, kept when the StatefulSet goes, as
 * with the default retention policy), deletes the pod at {@code replicas: 0} or when the
 * StatefulSet is deleted, and marks a new pod {@code Running} and {@code Ready} after a short
 * start-up. It writes the StatefulSet's status as the real controller does ({@code
 * observedGeneration}, {@code readyReplicas}, {@code currentRevision}, {@code updateRevision}).
 */
final class StatefulSetController implements AutoCloseable {
  static final String REVISION_LABEL = "controller-revision-hash";

  private final KubernetesClient client;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "statefulset-controller-stand-in");
            thread.setDaemon(true);
            return thread;
          });
  private volatile Duration startUp = Duration.ofMillis(300);
  private volatile boolean holdPending;

  StatefulSetController(KubernetesClient client) {
    this.client = client;
    executor.scheduleWithFixedDelay(this::reconcileQuietly, 100, 100, TimeUnit.MILLISECONDS);
  }

  void startUp(Duration value) {
    startUp = value;
  }

  void holdPending(boolean on) {
    holdPending = on;
  }

  private void reconcileQuietly() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      // the next round tries again, as a controller does
    }
  }

  private void reconcile() {
    List<StatefulSet> sets = client.apps().statefulSets().inAnyNamespace().list().getItems();
    List<String> wanted = new ArrayList<>();
    for (StatefulSet set : sets) {
      wanted.add(set.getMetadata().getNamespace() + "/" + set.getMetadata().getName() + "-0");
      reconcile(set);
    }
    for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
      String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
      if (pod.getMetadata().getLabels() != null
          && pod.getMetadata().getLabels().containsKey(REVISION_LABEL)
          && !wanted.contains(key)) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).delete();
      }
    }
  }

  private void reconcile(StatefulSet set) {
    String namespace = set.getMetadata().getNamespace();
    String podName = set.getMetadata().getName() + "-0";
    int replicas = Objects.requireNonNullElse(set.getSpec().getReplicas(), 1);
    String revision = set.getMetadata().getName() + "-" + revision(set);
    Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
    if (replicas == 0) {
      if (pod != null) {
        client.pods().inNamespace(namespace).withName(podName).delete();
      }
      writeStatus(set, revision, 0, 0);
      return;
    }
    claims(set);
    if (pod != null && !revision.equals(pod.getMetadata().getLabels().get(REVISION_LABEL))) {
      client.pods().inNamespace(namespace).withName(podName).delete();
      pod = null;
    }
    if (pod == null) {
      pod = client.pods().inNamespace(namespace).resource(newPod(set, podName, revision)).create();
      client
          .pods()
          .inNamespace(namespace)
          .resource(
              new PodBuilder(pod)
                  .withStatus(new PodStatusBuilder().withPhase("Pending").build())
                  .build())
          .updateStatus();
      writeStatus(set, revision, 1, 0);
      return;
    }
    boolean ready = "Running".equals(pod.getStatus() == null ? null : pod.getStatus().getPhase());
    if (!ready && !holdPending && started(pod)) {
      client.pods().inNamespace(namespace).resource(running(pod)).updateStatus();
      ready = true;
    }
    writeStatus(set, revision, 1, ready ? 1 : 0);
  }

  private boolean started(Pod pod) {
    Instant created = Instant.parse(pod.getMetadata().getCreationTimestamp());
    return !Instant.now().isBefore(created.plus(startUp));
  }

  private void claims(StatefulSet set) {
    if (set.getSpec().getVolumeClaimTemplates() == null) {
      return;
    }
    String namespace = set.getMetadata().getNamespace();
    for (PersistentVolumeClaim template : set.getSpec().getVolumeClaimTemplates()) {
      String name = template.getMetadata().getName() + "-" + set.getMetadata().getName() + "-0";
      if (client.persistentVolumeClaims().inNamespace(namespace).withName(name).get() == null) {
        client
            .persistentVolumeClaims()
            .inNamespace(namespace)
            .resource(
                new PersistentVolumeClaimBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .withNamespace(namespace)
                    .withLabels(set.getSpec().getSelector().getMatchLabels())
                    .endMetadata()
                    .withSpec(template.getSpec())
                    .build())
            .create();
      }
    }
  }

  private static Pod newPod(StatefulSet set, String podName, String revision) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (set.getSpec().getTemplate().getMetadata().getLabels() != null) {
      labels.putAll(set.getSpec().getTemplate().getMetadata().getLabels());
    }
    labels.put(REVISION_LABEL, revision);
    labels.put("statefulset.kubernetes.io/pod-name", podName);
    PodSpec spec =
        new PodBuilder().withSpec(set.getSpec().getTemplate().getSpec()).build().getSpec();
    List<Volume> volumes = new ArrayList<>();
    if (spec.getVolumes() != null) {
      volumes.addAll(spec.getVolumes());
    }
    if (set.getSpec().getVolumeClaimTemplates() != null) {
      for (PersistentVolumeClaim template : set.getSpec().getVolumeClaimTemplates()) {
        String claim = template.getMetadata().getName() + "-" + set.getMetadata().getName() + "-0";
        volumes.add(
            new VolumeBuilder()
                .withName(template.getMetadata().getName())
                .withNewPersistentVolumeClaim()
                .withClaimName(claim)
                .endPersistentVolumeClaim()
                .build());
      }
    }
    spec.setVolumes(volumes);
    spec.setHostname(podName);
    return new PodBuilder()
        .withNewMetadata()
        .withName(podName)
        .withNamespace(set.getMetadata().getNamespace())
        .withLabels(labels)
        .withAnnotations(set.getSpec().getTemplate().getMetadata().getAnnotations())
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion("apps/v1")
                .withKind("StatefulSet")
                .withName(set.getMetadata().getName())
                .withUid(set.getMetadata().getUid())
                .withController(true)
                .build())
        .endMetadata()
        .withSpec(spec)
        .build();
  }

  private static Pod running(Pod pod) {
    String now = Instant.now().toString();
    List<io.fabric8.kubernetes.api.model.ContainerStatus> containers = new ArrayList<>();
    for (io.fabric8.kubernetes.api.model.Container container : pod.getSpec().getContainers()) {
      containers.add(
          new ContainerStatusBuilder()
              .withName(container.getName())
              .withImage(container.getImage())
              .withReady(true)
              .withStarted(true)
              .withRestartCount(0)
              .withNewState()
              .withNewRunning()
              .withStartedAt(now)
              .endRunning()
              .endState()
              .build());
    }
    return new PodBuilder(pod)
        .withStatus(
            new PodStatusBuilder()
                .withPhase("Running")
                .withStartTime(now)
                .withConditions(
                    new PodConditionBuilder()
                        .withType("Ready")
                        .withStatus("True")
                        .withLastTransitionTime(now)
                        .build(),
                    new PodConditionBuilder()
                        .withType("ContainersReady")
                        .withStatus("True")
                        .withLastTransitionTime(now)
                        .build())
                .withContainerStatuses(containers)
                .build())
        .build();
  }

  private void writeStatus(StatefulSet set, String revision, int replicas, int ready) {
    Long generation = set.getMetadata().getGeneration();
    boolean current =
        set.getStatus() != null
            && Objects.equals(set.getStatus().getObservedGeneration(), generation)
            && Objects.equals(set.getStatus().getReplicas(), replicas)
            && Objects.equals(set.getStatus().getReadyReplicas(), ready)
            && revision.equals(set.getStatus().getUpdateRevision())
            && revision.equals(set.getStatus().getCurrentRevision());
    if (current) {
      return;
    }
    StatefulSet updated =
        new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder(set)
            .withStatus(
                new StatefulSetStatusBuilder()
                    .withObservedGeneration(generation)
                    .withReplicas(replicas)
                    .withReadyReplicas(ready)
                    .withAvailableReplicas(ready)
                    .withUpdatedReplicas(replicas)
                    .withCurrentReplicas(replicas)
                    .withCurrentRevision(revision)
                    .withUpdateRevision(revision)
                    .build())
            .build();
    client
        .apps()
        .statefulSets()
        .inNamespace(set.getMetadata().getNamespace())
        .resource(updated)
        .updateStatus();
  }

  private String revision(StatefulSet set) {
    String template = client.getKubernetesSerialization().asJson(set.getSpec().getTemplate());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(template.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
