package dev.megaplan.cloud.providers.kubernetes.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Objects;

/**
 * {@code down} and {@code destroy} for the {@code kubernetes} provider. {@code down} scales the
 * StatefulSet to 0 replicas, so the pod stops and the workspace claim, and with it the workspace,
 * survives. {@code destroy} deletes the StatefulSet and the Secret, and the workspace claim only
 * when asked to; nothing else in the namespace is touched.
 */
public final class RunnerTeardown {
  private final KubernetesClient client;
  private final RunnerTarget target;
  private final RunnerManifests manifests;

  /**
   * Creates the teardown.
   *
   * @param client the API client
   * @param target the runner
   * @param manifests names the workspace claim
   */
  public RunnerTeardown(KubernetesClient client, RunnerTarget target, RunnerManifests manifests) {
    this.client = client;
    this.target = target;
    this.manifests = manifests;
  }

  /**
   * Scales the StatefulSet to 0 replicas.
   *
   * @throws CloudException {@code provider_failed} when there is no such StatefulSet
   */
  public void down() {
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
    if (live == null) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "There is no StatefulSet " + where + " to stop: nothing was changed (deploy first?)",
          Map.of("namespace", target.namespace(), "statefulset", target.name()));
    }
    if (Objects.equals(live.getSpec().getReplicas(), 0)) {
      return;
    }
    ApiCalls.call(
        () ->
            client
                .apps()
                .statefulSets()
                .inNamespace(target.namespace())
                .withName(target.name())
                .edit(
                    set ->
                        new StatefulSetBuilder(set).editSpec().withReplicas(0).endSpec().build()),
        "scale StatefulSet " + where + " to 0");
  }

  /**
   * Deletes the StatefulSet, the Secret and, when asked, the workspace claim; what is already gone
   * is skipped.
   *
   * @param claim whether to delete the workspace claim too
   */
  public void destroy(boolean claim) {
    String namespace = target.namespace();
    ApiCalls.call(
        () -> client.apps().statefulSets().inNamespace(namespace).withName(target.name()).delete(),
        "delete StatefulSet " + namespace + "/" + target.name());
    ApiCalls.call(
        () -> client.secrets().inNamespace(namespace).withName(target.secret()).delete(),
        "delete Secret " + namespace + "/" + target.secret());
    if (claim) {
      ApiCalls.call(
          () ->
              client
                  .persistentVolumeClaims()
                  .inNamespace(namespace)
                  .withName(manifests.claim())
                  .delete(),
          "delete PersistentVolumeClaim " + namespace + "/" + manifests.claim());
    }
  }
}
