package dev.megaplan.cloud.providers.kubernetes.internal;

/**
 * Where the runner lives in the cluster: its namespace and StatefulSet name, and the names derived
 * from them (pod {@code <name>-0}, Secret {@code <name>-secrets}, container {@value #CONTAINER}).
 *
 * @param namespace the namespace
 * @param name the StatefulSet's name
 */
public record RunnerTarget(String namespace, String name) {
  /** The runner's container in the pod. */
  public static final String CONTAINER = "agent";

  /**
   * The runner pod's name.
   *
   * @return {@code <name>-0}
   */
  public String pod() {
    return name + "-0";
  }

  /**
   * The Secret holding the configured secrets.
   *
   * @return {@code <name>-secrets}
   */
  public String secret() {
    return name + "-secrets";
  }

  /**
   * The deployment's identity in local markers: the pod's namespace and name.
   *
   * @return {@code <namespace>/<name>-0}
   */
  public String identity() {
    return namespace + "/" + pod();
  }

  /**
   * How messages name the pod.
   *
   * @return {@code pod <namespace>/<name>-0}
   */
  public String describe() {
    return "pod " + identity();
  }
}
