package dev.megaplan.cloud.providers.kubernetes.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Waits, bounded, until the StatefulSet's controller has seen its latest spec and pod {@code
 * <name>-0} runs that revision and is Ready: {@code status.observedGeneration} at least {@code
 * metadata.generation}, the pod's {@code controller-revision-hash} label equal to {@code
 * status.updateRevision}, and the pod's Ready condition true. Each change of what it sees is one
 * progress line; a timeout is {@code provider_failed} naming the pod and its phase.
 */
public final class RolloutWait {
  private static final String REVISION_LABEL = "controller-revision-hash";
  private static final Duration POLL = Duration.ofSeconds(1);

  private final KubernetesClient client;
  private final RunnerTarget target;
  private final Sleeper sleeper;
  private final Clock clock;

  /**
   * Creates the wait.
   *
   * @param client the API client
   * @param target the runner
   * @param sleeper waits between polls
   * @param clock reads the time for the deadline
   */
  public RolloutWait(KubernetesClient client, RunnerTarget target, Sleeper sleeper, Clock clock) {
    this.client = client;
    this.target = target;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * Waits for the rollout.
   *
   * @param timeout how long at most
   * @param progress receives a line whenever the observed state changes
   * @return the Ready pod
   * @throws CloudException {@code provider_failed} when the pod is not Ready in time
   */
  public Pod await(Duration timeout, Consumer<String> progress) {
    Instant deadline = clock.instant().plus(timeout);
    String said = null;
    Pod pod = null;
    while (true) {
      StatefulSet set =
          ApiCalls.call(
              () ->
                  client
                      .apps()
                      .statefulSets()
                      .inNamespace(target.namespace())
                      .withName(target.name())
                      .get(),
              "read StatefulSet " + target.namespace() + "/" + target.name());
      if (set == null) {
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED,
            "StatefulSet "
                + target.namespace()
                + "/"
                + target.name()
                + " disappeared while waiting for its pod");
      }
      pod =
          ApiCalls.call(
              () -> client.pods().inNamespace(target.namespace()).withName(target.pod()).get(),
              "read " + target.describe());
      String state = state(set, pod);
      if (state.isEmpty()) {
        return pod;
      }
      if (!state.equals(said)) {
        progress.accept("Waiting for " + target.describe() + ": " + state);
        said = state;
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED,
            target.describe()
                + " was not ready within "
                + timeout.toSeconds()
                + " s ("
                + state
                + "); the objects were applied: see kubectl describe pod -n "
                + target.namespace()
                + " "
                + target.pod(),
            pod == null
                ? Map.of("namespace", target.namespace(), "pod", target.pod())
                : Map.of(
                    "namespace", target.namespace(),
                    "pod", target.pod(),
                    "status", PodGate.facts(pod)));
      }
      try {
        sleeper.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED, "Interrupted while waiting for " + target.describe());
      }
    }
  }

  /** What is still missing, or empty when the rollout is done. */
  private static String state(StatefulSet set, Pod pod) {
    Long generation = set.getMetadata().getGeneration();
    Long observed = set.getStatus() == null ? null : set.getStatus().getObservedGeneration();
    if (generation != null && (observed == null || observed < generation)) {
      return "the StatefulSet controller has not seen the new spec yet";
    }
    if (pod == null) {
      return "no pod yet";
    }
    String revision = set.getStatus() == null ? null : set.getStatus().getUpdateRevision();
    String podRevision =
        pod.getMetadata().getLabels() == null
            ? null
            : pod.getMetadata().getLabels().get(REVISION_LABEL);
    if (revision != null && !Objects.equals(revision, podRevision)) {
      return "the pod still runs the previous revision (" + PodGate.describe(pod) + ")";
    }
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return "the pod is terminating";
    }
    return PodGate.isReady(pod) ? "" : PodGate.describe(pod);
  }
}
