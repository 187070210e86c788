package dev.megaplan.cloud.providers.kubernetes.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code deploy} for the {@code kubernetes} provider: create or update the Secret (only its keys
 * whose values differ count as updated), create or update the StatefulSet (unchanged when its
 * digest annotation matches and it runs one replica), then wait for the pod. The report names what
 * changed; {@code no_op} when neither object changed. Fields a StatefulSet cannot change (its
 * volume claim template, its selector) are checked before anything is written, with the fix.
 */
public final class RunnerDeployer {
  private final KubernetesClient client;
  private final RunnerTarget target;
  private final RunnerManifests manifests;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration rolloutTimeout;

  /**
   * Creates the deployer.
   *
   * @param client the API client
   * @param target the runner
   * @param manifests builds the objects
   * @param sleeper waits between polls
   * @param clock reads the time
   * @param rolloutTimeout how long to wait for the pod
   */
  public RunnerDeployer(
      KubernetesClient client,
      RunnerTarget target,
      RunnerManifests manifests,
      Sleeper sleeper,
      Clock clock,
      Duration rolloutTimeout) {
    this.client = client;
    this.target = target;
    this.manifests = manifests;
    this.sleeper = sleeper;
    this.clock = clock;
    this.rolloutTimeout = rolloutTimeout;
  }

  /**
   * Deploys.
   *
   * @param secrets the secret values by name (only ever in the Secret's body)
   * @param progress receives a line per step
   * @return the report
   */
  public DeployReport deploy(Map<String, String> secrets, Consumer<String> progress) {
    List<DeployStep> steps = new ArrayList<>();
    String where = target.namespace() + "/" + target.name();
    StatefulSet live =
        ApiCalls.call(
            () ->
                client
                    .apps()
                    .statefulSets()
                    .inNamespace(target.namespace())
                    .withName(target.name())
                    .get(),
            "read StatefulSet " + where);
    if (live != null) {
      checkUnchangeable(live);
    }
    SecretOutcome secret = applySecret(secrets);
    steps.add(
        step(progress, "apply secret", secret.action + " " + target.secret() + secret.detail()));
    String action = applyStatefulSet(live, secret.version);
    steps.add(step(progress, "apply statefulset", action + " " + where));
    Pod pod = new RolloutWait(client, target, sleeper, clock).await(rolloutTimeout, progress);
    steps.add(
        DeployStep.builder()
            .name("wait for pod")
            .status("ok")
            .detail(target.describe() + ": " + PodGate.describe(pod))
            .metadata(PodGate.facts(pod))
            .build());
    progress.accept("wait for pod: ok (" + PodGate.describe(pod) + ")");
    boolean noOp = secret.changed.isEmpty() && action.equals("unchanged");
    Map<String, Object> logs = new LinkedHashMap<>();
    logs.put("command", "megaplan-cloud logs");
    logs.put("pod", target.identity());
    String image = RunnerManifests.image(manifests.config());
    return DeployReport.builder()
        .success(true)
        .provider("kubernetes")
        .service(target.identity())
        .steps(steps)
        .imageRebuild("not_triggered")
        .imageRef(image)
        .noOp(noOp)
        .varsUpdated(secret.changed)
        .logs(logs)
        .verdict(
            noOp
                ? "Nothing changed: " + target.describe() + " runs " + image + "."
                : "Applied StatefulSet "
                    + where
                    + " ("
                    + action
                    + ")"
                    + (secret.changed.isEmpty()
                        ? ""
                        : "; " + secret.changed.size() + " secrets updated")
                    + "; "
                    + target.describe()
                    + " is ready.")
        .build();
  }

  private static DeployStep step(Consumer<String> progress, String name, String detail) {
    progress.accept(name + ": ok (" + detail + ")");
    return DeployStep.builder().name(name).status("ok").detail(detail).build();
  }

  /** What applying the Secret did. */
  private record SecretOutcome(String action, List<String> changed, String version) {
    String detail() {
      return changed.isEmpty() ? "" : ": " + String.join(", ", changed);
    }
  }

  private SecretOutcome applySecret(Map<String, String> values) {
    Secret desired = manifests.secret(values);
    String what = "write Secret " + target.namespace() + "/" + target.secret();
    Secret live =
        ApiCalls.call(
            () -> client.secrets().inNamespace(target.namespace()).withName(target.secret()).get(),
            "read Secret " + target.namespace() + "/" + target.secret());
    if (live == null) {
      Secret created =
          ApiCalls.call(
              () -> client.secrets().inNamespace(target.namespace()).resource(desired).create(),
              what);
      return new SecretOutcome(
          "created", List.copyOf(new TreeSet<>(values.keySet())), version(created));
    }
    Map<String, String> have = Objects.requireNonNullElse(live.getData(), Map.of());
    Map<String, String> want = desired.getData();
    TreeSet<String> changed = new TreeSet<>();
    for (Map.Entry<String, String> entry : want.entrySet()) {
      if (!entry.getValue().equals(have.get(entry.getKey()))) {
        changed.add(entry.getKey());
      }
    }
    for (String key : have.keySet()) {
      if (!want.containsKey(key)) {
        changed.add(key);
      }
    }
    boolean labelled =
        Objects.equals(live.getMetadata().getLabels(), desired.getMetadata().getLabels());
    if (changed.isEmpty() && labelled) {
      return new SecretOutcome("unchanged", List.of(), version(live));
    }
    desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
    Secret updated =
        ApiCalls.call(
            () -> client.secrets().inNamespace(target.namespace()).resource(desired).update(),
            what);
    return new SecretOutcome("updated", List.copyOf(changed), version(updated));
  }

  private static String version(Secret secret) {
    return secret.getMetadata().getResourceVersion();
  }

  private String applyStatefulSet(StatefulSet live, String secretVersion) {
    StatefulSet desired = manifests.statefulSet(secretVersion, client.getKubernetesSerialization());
    String what = "write StatefulSet " + target.namespace() + "/" + target.name();
    if (live == null) {
      ApiCalls.call(
          () ->
              client
                  .apps()
                  .statefulSets()
                  .inNamespace(target.namespace())
                  .resource(desired)
                  .create(),
          what);
      return "created";
    }
    String applied =
        live.getMetadata().getAnnotations() == null
            ? null
            : live.getMetadata().getAnnotations().get(RunnerManifests.APPLIED);
    boolean same =
        desired.getMetadata().getAnnotations().get(RunnerManifests.APPLIED).equals(applied);
    boolean running = Objects.equals(live.getSpec().getReplicas(), 1);
    if (same && running) {
      return "unchanged";
    }
    desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
    ApiCalls.call(
        () ->
            client.apps().statefulSets().inNamespace(target.namespace()).resource(desired).update(),
        what);
    return same ? "scaled up to 1 replica" : "updated";
  }

  /**
   * Refuses, before anything is written, a change the API server would reject: a StatefulSet's
   * volume claim templates and selector cannot be changed in place.
   */
  private void checkUnchangeable(StatefulSet live) {
    StatefulSet desired = manifests.statefulSet(null, client.getKubernetesSerialization());
    List<PersistentVolumeClaim> have =
        Objects.requireNonNullElse(live.getSpec().getVolumeClaimTemplates(), List.of());
    PersistentVolumeClaim want = desired.getSpec().getVolumeClaimTemplates().get(0);
    String problem = null;
    if (have.size() != 1
        || !have.get(0).getMetadata().getName().equals(want.getMetadata().getName())) {
      problem =
          "its workspace volume claim template is "
              + (have.isEmpty() ? "missing" : "'" + have.get(0).getMetadata().getName() + "'")
              + ", cloud.yaml asks for '"
              + want.getMetadata().getName()
              + "' (resources.volume)";
    } else {
      Quantity haveSize = storage(have.get(0));
      Quantity wantSize = storage(want);
      if (haveSize == null
          || haveSize.getNumericalAmount().compareTo(wantSize.getNumericalAmount()) != 0) {
        problem =
            "its workspace claim holds "
                + (haveSize == null ? "no size" : haveSize)
                + ", cloud.yaml asks for "
                + wantSize
                + " (kubernetes.storage)";
      } else if (!Objects.equals(
          have.get(0).getSpec().getStorageClassName(), want.getSpec().getStorageClassName())) {
        problem =
            "its workspace claim's storage class is "
                + have.get(0).getSpec().getStorageClassName()
                + ", cloud.yaml asks for "
                + want.getSpec().getStorageClassName()
                + " (kubernetes.storage_class)";
      }
    }
    if (problem == null
        && !Objects.equals(live.getSpec().getSelector(), desired.getSpec().getSelector())) {
      problem = "its selector was not written by megaplan-cloud";
    }
    if (problem != null) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "StatefulSet "
              + target.namespace()
              + "/"
              + target.name()
              + " cannot be updated in place: "
              + problem
              + ". Kubernetes does not change these on a StatefulSet: run megaplan-cloud destroy"
              + " (with resources.volume set to also delete the old claim), then deploy."
              + " Nothing was changed.",
          Map.of("namespace", target.namespace(), "statefulset", target.name()));
    }
  }

  private static Quantity storage(PersistentVolumeClaim claim) {
    if (claim.getSpec() == null
        || claim.getSpec().getResources() == null
        || claim.getSpec().getResources().getRequests() == null) {
      return null;
    }
    return claim.getSpec().getResources().getRequests().get("storage");
  }
}
