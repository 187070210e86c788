package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Settings of the {@code kubernetes} provider ({@code kubernetes}): where the runner's StatefulSet
 * lives and what its pod gets. The image is {@code image.ref}; the cluster and its credentials come
 * from the kubeconfig (or the pod's service account when running inside a cluster).
 */
@Value.Immutable
@JsonPropertyOrder({
  "context",
  "namespace",
  "name",
  "storage",
  "storage_class",
  "requests",
  "limits",
  "service_account",
  "image_pull_secret"
})
abstract class AbstractKubernetesConfig {
  /** The StatefulSet's name when none is set. */
  public static final String DEFAULT_NAME = "megaplan-runner";

  /** The workspace volume's size when none is set. */
  public static final String DEFAULT_STORAGE = "20Gi";

  /**
   * The kubeconfig context ({@code kubernetes.context}); the kubeconfig's current context when
   * empty.
   *
   * @return the context name, or empty
   */
  @JsonProperty("context")
  public abstract Optional<String> context();

  /**
   * The namespace ({@code kubernetes.namespace}); when empty, the context's namespace, else {@code
   * default}.
   *
   * @return the namespace, or empty
   */
  @JsonProperty("namespace")
  public abstract Optional<String> namespace();

  /**
   * The StatefulSet's name ({@code kubernetes.name}); {@value #DEFAULT_NAME} by default. The pod is
   * {@code <name>-0} and the Secret {@code <name>-secrets}.
   *
   * @return a DNS label
   */
  @JsonProperty("name")
  @Value.Default
  public String name() {
    return DEFAULT_NAME;
  }

  /**
   * The size of the workspace volume claim ({@code kubernetes.storage}); {@value #DEFAULT_STORAGE}
   * by default.
   *
   * @return a Kubernetes quantity
   */
  @JsonProperty("storage")
  @Value.Default
  public String storage() {
    return DEFAULT_STORAGE;
  }

  /**
   * The storage class of the workspace volume claim ({@code kubernetes.storage_class}); the
   * cluster's default class when empty.
   *
   * @return the class name, or empty
   */
  @JsonProperty("storage_class")
  public abstract Optional<String> storageClass();

  /**
   * What the runner's container requests ({@code kubernetes.requests}).
   *
   * @return the requests, empty by default
   */
  @JsonProperty("requests")
  @Value.Default
  public ComputeResources requests() {
    return ComputeResources.builder().build();
  }

  /**
   * What the runner's container may use at most ({@code kubernetes.limits}).
   *
   * @return the limits, empty by default
   */
  @JsonProperty("limits")
  @Value.Default
  public ComputeResources limits() {
    return ComputeResources.builder().build();
  }

  /**
   * The pod's service account ({@code kubernetes.service_account}); the namespace's {@code default}
   * when empty.
   *
   * @return the account name, or empty
   */
  @JsonProperty("service_account")
  public abstract Optional<String> serviceAccount();

  /**
   * The Secret that pulls {@code image.ref} from a private registry ({@code
   * kubernetes.image_pull_secret}), when set.
   *
   * @return the Secret's name, or empty
   */
  @JsonProperty("image_pull_secret")
  public abstract Optional<String> imagePullSecret();
}
