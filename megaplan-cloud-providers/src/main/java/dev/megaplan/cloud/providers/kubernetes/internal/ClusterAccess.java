package dev.megaplan.cloud.providers.kubernetes.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the cluster is and how to authenticate, resolved as {@code kubectl} resolves it but from
 * the session's own environment and home (never this JVM's): the first existing file of {@code
 * KUBECONFIG} (a {@code :}-separated list; files are not merged), else {@code ~/.kube/config}, else
 * the pod's service account when running inside a cluster ({@code KUBERNETES_SERVICE_HOST} and the
 * token file under {@code /var/run/secrets/kubernetes.io/serviceaccount}). Nothing found is {@code
 * provider_unavailable} with the fix; a {@code kubernetes.context} the kubeconfig does not have is
 * {@code invalid_spec} (fabric8 would silently fall back to the current context).
 */
public final class ClusterAccess {
  /** The directory of an in-cluster pod's service account credentials. */
  public static final Path SERVICE_ACCOUNT_DIR =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  private static final int REQUEST_TIMEOUT_MS = 30_000;
  private static final int CONNECT_TIMEOUT_MS = 15_000;

  private final Config config;
  private final String source;

  private ClusterAccess(Config config, String source) {
    this.config = config;
    this.source = source;
  }

  /**
   * Resolves the access.
   *
   * @param context the requested kubeconfig context, or empty for the current one
   * @param environment the session's environment
   * @param home the session's home directory
   * @param serviceAccountDir where an in-cluster pod's token, CA and namespace are
   * @return the access
   * @throws CloudException {@code provider_unavailable} when no credentials are found
   */
  public static ClusterAccess resolve(
      Optional<String> context,
      Function<String, String> environment,
      Path home,
      Path serviceAccountDir) {
    Optional<Path> kubeconfig = kubeconfig(environment, home);
    if (kubeconfig.isPresent()) {
      return fromKubeconfig(context, kubeconfig.get());
    }
    String host = environment.apply("KUBERNETES_SERVICE_HOST");
    Path token = serviceAccountDir.resolve("token");
    if (host != null && !host.isBlank() && Files.isRegularFile(token)) {
      if (context.isPresent()) {
        throw new CloudException(
            ErrorCode.INVALID_SPEC,
            "kubernetes.context '"
                + context.get()
                + "' needs a kubeconfig, but none was found (KUBECONFIG, ~/.kube/config); inside"
                + " a cluster, remove kubernetes.context to use the pod's service account");
      }
      return inCluster(host, environment.apply("KUBERNETES_SERVICE_PORT"), serviceAccountDir);
    }
    throw new CloudException(
        ErrorCode.PROVIDER_UNAVAILABLE,
        "No Kubernetes credentials: no kubeconfig at "
            + (environment.apply("KUBECONFIG") == null
                ? home.resolve(".kube/config")
                : "KUBECONFIG=" + environment.apply("KUBECONFIG"))
            + " and not inside a cluster (KUBERNETES_SERVICE_HOST unset). Point KUBECONFIG at"
            + " your cluster's kubeconfig (kubectl config view --raw > FILE), or run where"
            + " ~/.kube/config exists");
  }

  private static Optional<Path> kubeconfig(Function<String, String> environment, Path home) {
    String listed = environment.apply("KUBECONFIG");
    if (listed != null && !listed.isBlank()) {
      for (String entry : listed.split(":")) {
        if (!entry.isBlank()) {
          Path file = expand(entry.strip(), home);
          if (Files.isRegularFile(file)) {
            return Optional.of(file);
          }
        }
      }
      return Optional.empty();
    }
    Path file = home.resolve(".kube").resolve("config");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private static Path expand(String path, Path home) {
    if (path.equals("~")) {
      return home;
    }
    return path.startsWith("~/") ? home.resolve(path.substring(2)) : Path.of(path);
  }

  private static ClusterAccess fromKubeconfig(Optional<String> context, Path file) {
    Config config;
    try {
      config = Config.fromKubeconfig(context.orElse(null), file.toFile());
    } catch (KubernetesClientException | IllegalArgumentException | UncheckedIOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "Could not read the kubeconfig " + file + ": " + e.getMessage());
    }
    List<String> names = new ArrayList<>();
    if (config.getContexts() != null) {
      for (NamedContext named : config.getContexts()) {
        names.add(named.getName());
      }
    }
    NamedContext current = config.getCurrentContext();
    if (context.isPresent() && (current == null || !context.get().equals(current.getName()))) {
      throw new CloudException(
          ErrorCode.INVALID_SPEC,
          "kubernetes.context '"
              + context.get()
              + "' is not in the kubeconfig "
              + file
              + " (contexts: "
              + (names.isEmpty() ? "none" : String.join(", ", names))
              + ")",
          Map.of("contexts", names));
    }
    if (current == null || config.getMasterUrl() == null) {
      throw new CloudException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "The kubeconfig "
              + file
              + " has no current context with a cluster"
              + (names.isEmpty() ? "" : " (contexts: " + String.join(", ", names) + ")")
              + "; set kubernetes.context, or run kubectl config use-context NAME");
    }
    return new ClusterAccess(
        tuned(config), "kubeconfig " + file + ", context " + current.getName());
  }

  private static ClusterAccess inCluster(String host, String port, Path dir) {
    String hostPort = host.contains(":") ? "[" + host + "]" : host;
    Config config = Config.empty();
    config.setMasterUrl("https://" + hostPort + ":" + (port == null ? "443" : port));
    // The projected token is rotated by the kubelet: read it on each use.
    config.setOauthTokenProvider(() -> read(dir.resolve("token")).strip());
    Path ca = dir.resolve("ca.crt");
    if (Files.isRegularFile(ca)) {
      config.setCaCertFile(ca.toString());
    }
    Path namespace = dir.resolve("namespace");
    if (Files.isRegularFile(namespace)) {
      config.setNamespace(read(namespace).strip());
    }
    return new ClusterAccess(tuned(config), "the pod's service account");
  }

  private static Config tuned(Config config) {
    config.setRequestTimeout(REQUEST_TIMEOUT_MS);
    config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
    config.setRequestRetryBackoffLimit(2);
    return config;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_UNAVAILABLE, "Could not read " + file + ": " + e.getMessage());
    }
  }

  /**
   * The client configuration.
   *
   * @return the fabric8 configuration
   */
  public Config config() {
    return config;
  }

  /**
   * The namespace of the context (or of the service account), when it names one.
   *
   * @return the namespace, or empty
   */
  public Optional<String> namespace() {
    return Optional.ofNullable(config.getNamespace()).filter(n -> !n.isBlank());
  }

  /**
   * Where the credentials came from, for messages.
   *
   * @return for example {@code kubeconfig /home/u/.kube/config, context prod}
   */
  public String source() {
    return source;
  }
}
