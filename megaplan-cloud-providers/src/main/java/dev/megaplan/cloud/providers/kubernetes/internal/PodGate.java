package dev.megaplan.cloud.providers.kubernetes.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the runner pod can take an exec: it exists, is {@code Running} and {@code Ready}. Checked
 * once per provider and again after an exec could not start, so a pod that is not Ready is a {@code
 * provider_failed} naming the pod and its phase at once, never a hang.
 */
public final class PodGate {
  private final KubernetesClient client;
  private final RunnerTarget target;
  private volatile boolean ready;

  /**
   * Creates the gate.
   *
   * @param client the API client
   * @param target the runner
   */
  public PodGate(KubernetesClient client, RunnerTarget target) {
    this.client = client;
    this.target = target;
  }

  /**
   * Passes when the pod was seen Ready by this gate, else reads it.
   *
   * @throws CloudException {@code provider_failed} when the pod is missing or not Ready
   */
  public void requireReady() {
    if (ready) {
      return;
    }
    Pod pod =
        ApiCalls.call(
            () -> client.pods().inNamespace(target.namespace()).withName(target.pod()).get(),
            "read " + target.describe());
    if (pod == null) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          target.describe()
              + " does not exist: deploy the runner (megaplan-cloud deploy), or scale it up"
              + " again if it was stopped with down",
          Map.of("namespace", target.namespace(), "pod", target.pod()));
    }
    if (!isReady(pod)) {
      throw notReady(pod);
    }
    ready = true;
  }

  /** Forgets that the pod was Ready (an exec could not start). */
  public void forget() {
    ready = false;
  }

  /**
   * Why an exec could not start, in terms of the pod: {@code provider_failed} naming its phase when
   * it is not Ready now, else the API's own failure.
   *
   * @param failure what the exec raised
   * @return the exception to throw
   */
  public CloudException execRefused(RuntimeException failure) {
    forget();
    try {
      requireReady();
    } catch (CloudException e) {
      return e;
    }
    forget();
    return new CloudException(
        ErrorCode.PROVIDER_FAILED,
        "Could not exec into "
            + target.describe()
            + " (container "
            + RunnerTarget.CONTAINER
            + "): "
            + ApiCalls.describe(failure),
        Map.of("namespace", target.namespace(), "pod", target.pod()));
  }

  /**
   * Whether a pod is Running with its Ready condition true.
   *
   * @param pod the pod
   * @return true when it takes execs
   */
  public static boolean isReady(Pod pod) {
    if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) {
      return false;
    }
    for (PodCondition condition :
        Objects.requireNonNullElse(pod.getStatus().getConditions(), List.<PodCondition>of())) {
      if ("Ready".equals(condition.getType())) {
        return "True".equals(condition.getStatus());
      }
    }
    return false;
  }

  /**
   * A pod's phase, readiness, restarts and why its container waits, for messages and reports.
   *
   * @param pod the pod
   * @return for example {@code phase Pending, not ready, 0 restarts, agent waiting:
   *     ImagePullBackOff}
   */
  public static String describe(Pod pod) {
    Map<String, Object> facts = facts(pod);
    StringBuilder text = new StringBuilder("phase " + facts.get("phase"));
    text.append(Boolean.TRUE.equals(facts.get("ready")) ? ", ready" : ", not ready");
    text.append(", ").append(facts.get("restarts")).append(" restarts");
    Object waiting = facts.get("waiting");
    if (waiting != null) {
      text.append(", ").append(RunnerTarget.CONTAINER).append(" waiting: ").append(waiting);
    }
    return text.toString();
  }

  /**
   * A pod's phase, readiness, restart count and waiting reason as report metadata.
   *
   * @param pod the pod
   * @return {@code phase}, {@code ready}, {@code restarts} and, when waiting, {@code waiting}
   */
  public static Map<String, Object> facts(Pod pod) {
    Map<String, Object> facts = new LinkedHashMap<>();
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    facts.put("phase", phase == null ? "Pending" : phase);
    facts.put("ready", isReady(pod));
    int restarts = 0;
    String waiting = null;
    for (ContainerStatus status : containerStatuses(pod)) {
      if (RunnerTarget.CONTAINER.equals(status.getName())) {
        restarts = Objects.requireNonNullElse(status.getRestartCount(), 0);
        if (status.getState() != null && status.getState().getWaiting() != null) {
          waiting = status.getState().getWaiting().getReason();
        }
      }
    }
    facts.put("restarts", restarts);
    if (waiting != null) {
      facts.put("waiting", waiting);
    }
    return facts;
  }

  private static List<ContainerStatus> containerStatuses(Pod pod) {
    return Optional.ofNullable(pod.getStatus())
        .map(s -> s.getContainerStatuses())
        .orElse(List.of());
  }

  private CloudException notReady(Pod pod) {
    return new CloudException(
        ErrorCode.PROVIDER_FAILED,
        target.describe()
            + " is not ready ("
            + describe(pod)
            + "); wait for it (kubectl get pod -n "
            + target.namespace()
            + " "
            + target.pod()
            + ") or see megaplan-cloud logs",
        Map.of("namespace", target.namespace(), "pod", target.pod(), "status", facts(pod)));
  }
}
