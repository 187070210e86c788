package dev.megaplan.cloud.providers.kubernetes.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.ComputeResources;
import dev.megaplan.cloud.api.config.KubernetesConfig;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects the {@code kubernetes} provider applies, built from cloud.yaml alone (no cluster is
 * contacted): the Secret {@code <name>-secrets}, the StatefulSet {@code <name>} and the RBAC Role a
 * user needs to run the provider.
 *
 * <p>The StatefulSet runs {@code image.ref} as container {@value RunnerTarget#CONTAINER} with one
 * replica; the pod reads the Secret with {@code envFrom} (so no value is ever in the StatefulSet),
 * gets {@code PORT} and a readiness probe on {@code GET /} of the health port, and mounts a volume
 * claim template ({@code resources.volume}, else {@code workspace}) of {@code kubernetes.storage}
 * at {@code /workspace}. The StatefulSet carries an annotation with the SHA-256 of everything it
 * asks for, so a second deploy of the same objects is recognised as unchanged without comparing
 * with the fields the API server fills in; its pod template carries the Secret's {@code
 * resourceVersion}, so a changed secret restarts the pod.
 */
public final class RunnerManifests {
  /** The annotation holding the applied StatefulSet's digest. */
  public static final String APPLIED = "megaplan.dev/applied-sha256";

  /** The pod template annotation holding the Secret's resource version. */
  public static final String SECRET_VERSION = "megaplan.dev/secret-version";

  /** What {@code --print-manifests} puts in place of a secret value. */
  public static final String REDACTED = "***REDACTED***";

  /** The mount point of the workspace volume. */
  public static final String WORKSPACE = "/workspace";

  private static final String DEFAULT_VOLUME = "workspace";

  private final CloudConfig config;
  private final KubernetesConfig kubernetes;
  private final RunnerTarget target;

  /**
   * Creates the builder.
   *
   * @param config the configuration
   * @param target where the runner goes
   */
  public RunnerManifests(CloudConfig config, RunnerTarget target) {
    this.config = config;
    this.kubernetes = config.kubernetes().orElseGet(() -> KubernetesConfig.builder().build());
    this.target = target;
  }

  /**
   * The configuration the objects are built from.
   *
   * @return the configuration
   */
  public CloudConfig config() {
    return config;
  }

  /**
   * The prebuilt runner image.
   *
   * @param config the configuration
   * @return {@code image.ref}
   * @throws CloudException {@code invalid_spec} naming the field when it is not set
   */
  public static String image(CloudConfig config) {
    return config
        .image()
        .ref()
        .orElseThrow(
            () ->
                new CloudException(
                    ErrorCode.INVALID_SPEC,
                    "image.ref is required when provider is kubernetes: a cluster runs a prebuilt"
                        + " runner image (build the rendered deploy directory in your CI, push it"
                        + " to a registry the cluster pulls from, and set image.ref to it)"));
  }

  /**
   * The name of the workspace volume claim template.
   *
   * @return {@code resources.volume}, else {@code workspace}
   */
  public String volume() {
    return config.resources().volume().orElse(DEFAULT_VOLUME);
  }

  /**
   * The workspace claim the StatefulSet controller creates for the pod.
   *
   * @return {@code <volume>-<name>-0}
   */
  public String claim() {
    return volume() + "-" + target.pod();
  }

  /**
   * The labels on every object, and (the first two) the StatefulSet's selector.
   *
   * @return the labels
   */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>(selector());
    labels.put("app.kubernetes.io/managed-by", "megaplan-cloud");
    return labels;
  }

  private Map<String, String> selector() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", "megaplan-runner");
    labels.put("app.kubernetes.io/instance", target.name());
    return labels;
  }

  /**
   * The Secret holding the secret values, the only object that ever carries them.
   *
   * @param values the values by name
   * @return the Secret
   */
  public Secret secret(Map<String, String> values) {
    Map<String, String> data = new TreeMap<>();
    values.forEach(
        (key, value) ->
            data.put(
                key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withNewMetadata()
        .withName(target.secret())
        .withNamespace(target.namespace())
        .withLabels(labels())
        .endMetadata()
        .withType("Opaque")
        .withData(data)
        .build();
  }

  /**
   * The Secret as {@code --print-manifests} shows it: the configured names, each value redacted.
   *
   * @return the Secret
   */
  public Secret redactedSecret() {
    Map<String, String> names = new TreeMap<>();
    for (String name : config.secrets()) {
      names.put(name, REDACTED);
    }
    return new SecretBuilder()
        .withNewMetadata()
        .withName(target.secret())
        .withNamespace(target.namespace())
        .withLabels(labels())
        .endMetadata()
        .withType("Opaque")
        .withStringData(names)
        .build();
  }

  /**
   * The StatefulSet, with its digest annotation.
   *
   * @param secretVersion the Secret's {@code resourceVersion}, or null when there is no cluster
   * @param serialization serializes the object for its digest
   * @return the StatefulSet
   */
  public StatefulSet statefulSet(String secretVersion, KubernetesSerialization serialization) {
    StatefulSet set = bareStatefulSet(secretVersion);
    set.getMetadata().getAnnotations().put(APPLIED, digest(set, serialization));
    return set;
  }

  private StatefulSet bareStatefulSet(String secretVersion) {
    int port = config.resources().port();
    ContainerBuilder container =
        new ContainerBuilder()
            .withName(RunnerTarget.CONTAINER)
            .withImage(image(config))
            .addNewEnvFrom()
            .withNewSecretRef()
            .withName(target.secret())
            .withOptional(false)
            .endSecretRef()
            .endEnvFrom()
            .addNewEnv()
            .withName("PORT")
            .withValue(Integer.toString(port))
            .endEnv()
            .addNewPort()
            .withName("health")
            .withContainerPort(port)
            .withProtocol("TCP")
            .endPort()
            .withNewReadinessProbe()
            .withNewHttpGet()
            .withPath("/")
            .withNewPort("health")
            .endHttpGet()
            .withPeriodSeconds(10)
            .withFailureThreshold(3)
            .endReadinessProbe()
            .addNewVolumeMount()
            .withName(volume())
            .withMountPath(WORKSPACE)
            .endVolumeMount()
            .withWorkingDir(WORKSPACE);
    Map<String, Quantity> requests = quantities(kubernetes.requests());
    Map<String, Quantity> limits = quantities(kubernetes.limits());
    if (!requests.isEmpty() || !limits.isEmpty()) {
      container
          .withNewResources()
          .withRequests(requests.isEmpty() ? null : requests)
          .withLimits(limits.isEmpty() ? null : limits)
          .endResources();
    }
    PodSpecBuilder pod = new PodSpecBuilder().withContainers(container.build());
    kubernetes.serviceAccount().ifPresent(pod::withServiceAccountName);
    kubernetes.imagePullSecret().ifPresent(name -> pod.addNewImagePullSecret(name));
    Map<String, String> templateAnnotations = new TreeMap<>();
    if (secretVersion != null) {
      templateAnnotations.put(SECRET_VERSION, secretVersion);
    }
    PersistentVolumeClaimBuilder claim =
        new PersistentVolumeClaimBuilder()
            .withNewMetadata()
            .withName(volume())
            .withLabels(labels())
            .endMetadata()
            .withNewSpec()
            .withAccessModes("ReadWriteOnce")
            .withNewResources()
            .addToRequests("storage", new Quantity(kubernetes.storage()))
            .endResources()
            .endSpec();
    kubernetes.storageClass().ifPresent(c -> claim.editSpec().withStorageClassName(c).endSpec());
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(target.name())
        .withNamespace(target.namespace())
        .withLabels(labels())
        .withAnnotations(new TreeMap<>())
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withServiceName(target.name())
        .withNewSelector()
        .withMatchLabels(selector())
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels())
        .withAnnotations(templateAnnotations.isEmpty() ? null : templateAnnotations)
        .endMetadata()
        .withSpec(pod.build())
        .endTemplate()
        .withVolumeClaimTemplates(claim.build())
        .endSpec()
        .build();
  }

  private static Map<String, Quantity> quantities(ComputeResources resources) {
    Map<String, Quantity> out = new TreeMap<>();
    resources.cpu().ifPresent(cpu -> out.put("cpu", new Quantity(cpu)));
    resources.memory().ifPresent(memory -> out.put("memory", new Quantity(memory)));
    return out;
  }

  private static String digest(StatefulSet set, KubernetesSerialization serialization) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(serialization.asJson(set).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The RBAC Role a user (or a CI service account) needs in the namespace to run every operation of
   * the provider: deploy, exec, upload, read, logs, down and destroy.
   *
   * @param namespace the namespace, or null for a Role applied with {@code kubectl -n}
   * @return the Role
   */
  public static Role role(String namespace) {
    return new RoleBuilder()
        .withNewMetadata()
        .withName("megaplan-cloud")
        .withNamespace(namespace)
        .endMetadata()
        .withRules(
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("pods")
                .withVerbs("get", "list", "watch")
                .build(),
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("pods/exec")
                .withVerbs("create", "get")
                .build(),
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("pods/log")
                .withVerbs("get")
                .build(),
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("secrets")
                .withVerbs("get", "create", "update", "delete")
                .build(),
            new PolicyRuleBuilder()
                .withApiGroups("apps")
                .withResources("statefulsets")
                .withVerbs("get", "list", "watch", "create", "update", "patch", "delete")
                .build(),
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("persistentvolumeclaims")
                .withVerbs("get", "list", "delete")
                .build())
        .build();
  }

  /**
   * What {@code deploy --print-manifests} prints: the Role, the Secret with its values redacted and
   * the StatefulSet, as YAML documents.
   *
   * @param serialization renders YAML
   * @return the documents
   */
  public String printable(KubernetesSerialization serialization) {
    List<HasMetadata> objects =
        List.of(role(target.namespace()), redactedSecret(), statefulSet(null, serialization));
    StringBuilder out = new StringBuilder();
    for (HasMetadata object : objects) {
      String yaml = serialization.asYaml(object);
      out.append(yaml.startsWith("---") ? yaml : "---\n" + yaml);
      if (!yaml.endsWith("\n")) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
