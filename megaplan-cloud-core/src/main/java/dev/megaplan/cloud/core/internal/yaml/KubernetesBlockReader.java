package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.config.ComputeResources;
import dev.megaplan.cloud.api.config.KubernetesConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads cloud.yaml's {@code kubernetes} block, present when the provider is {@code kubernetes} or
 * the block is written, and the provider's rule on the {@code image} block: a cluster cannot build
 * from a local deploy directory, so {@code image.ref} is required.
 *
 * <p>Names are checked as the API server checks them: the namespace a DNS label, the StatefulSet's
 * name a DNS label of at most 52 characters (its pods carry a {@code controller-revision-hash}
 * label of the name plus 11 characters, and a label value holds 63), the storage class, service
 * account and pull secret DNS subdomains; sizes and CPU/memory as Kubernetes quantities, each
 * request no larger than its limit.
 */
final class KubernetesBlockReader {
  private static final String PROVIDER = "kubernetes";
  private static final List<String> KEYS =
      List.of(
          "context",
          "namespace",
          "name",
          "storage",
          "storage_class",
          "requests",
          "limits",
          "service_account",
          "image_pull_secret");
  private static final List<String> COMPUTE_KEYS = List.of("cpu", "memory");
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final int MAX_LABEL = 63;
  private static final int MAX_NAME = 52;
  private static final int MAX_SUBDOMAIN = 253;

  private KubernetesBlockReader() {}

  /**
   * The block, when it applies.
   *
   * @param doc the document
   * @param provider the configured provider
   * @param warnings collects unknown keys
   * @return the settings, or empty when the provider is another and the block is not written
   */
  static Optional<KubernetesConfig> read(
      YamlMap doc, String provider, CloudConfigReader.Warnings warnings) {
    Optional<YamlMap> written = doc.get(PROVIDER).map(YamlValue::asMap);
    written.ifPresent(block -> warnings.addAll(block.unknownKeyWarnings(KEYS)));
    if (provider.equals(PROVIDER)) {
      requireImageRef(doc);
    }
    if (written.isEmpty()) {
      return provider.equals(PROVIDER)
          ? Optional.of(KubernetesConfig.builder().build())
          : Optional.empty();
    }
    YamlMap block = written.get();
    KubernetesConfig.Builder builder = KubernetesConfig.builder();
    block.get("context").ifPresent(v -> builder.context(v.asNonEmptyString()));
    block.get("namespace").ifPresent(v -> builder.namespace(name(v, DNS_LABEL, MAX_LABEL)));
    block.get("name").ifPresent(v -> builder.name(name(v, DNS_LABEL, MAX_NAME)));
    block.get("storage").ifPresent(v -> builder.storage(positiveQuantity(v)));
    block
        .get("storage_class")
        .ifPresent(v -> builder.storageClass(name(v, DNS_SUBDOMAIN, MAX_SUBDOMAIN)));
    Optional<YamlMap> requests = compute(block, "requests", warnings);
    Optional<YamlMap> limits = compute(block, "limits", warnings);
    requests.ifPresent(r -> builder.requests(resources(r)));
    limits.ifPresent(l -> builder.limits(resources(l)));
    if (requests.isPresent() && limits.isPresent()) {
      for (String key : COMPUTE_KEYS) {
        requestWithinLimit(requests.get(), limits.get(), key);
      }
    }
    block
        .get("service_account")
        .ifPresent(v -> builder.serviceAccount(name(v, DNS_SUBDOMAIN, MAX_SUBDOMAIN)));
    block
        .get("image_pull_secret")
        .ifPresent(v -> builder.imagePullSecret(name(v, DNS_SUBDOMAIN, MAX_SUBDOMAIN)));
    return Optional.of(builder.build());
  }

  private static void requireImageRef(YamlMap doc) {
    Optional<YamlMap> image = doc.get("image").map(YamlValue::asMap);
    if (image.flatMap(i -> i.get("ref")).isPresent()) {
      return;
    }
    String why =
        " when provider is kubernetes: a cluster runs a prebuilt runner image (build the"
            + " rendered deploy directory in your CI, push it to a registry the cluster pulls"
            + " from, and set image.ref to it)";
    throw image.isPresent() ? image.get().missing("ref", why) : doc.missing("image.ref", why);
  }

  private static Optional<YamlMap> compute(
      YamlMap block, String key, CloudConfigReader.Warnings warnings) {
    Optional<YamlMap> map = block.get(key).map(YamlValue::asMap);
    map.ifPresent(m -> warnings.addAll(m.unknownKeyWarnings(COMPUTE_KEYS)));
    return map;
  }

  private static ComputeResources resources(YamlMap map) {
    ComputeResources.Builder builder = ComputeResources.builder();
    map.get("cpu").ifPresent(v -> builder.cpu(positiveQuantity(v)));
    map.get("memory").ifPresent(v -> builder.memory(positiveQuantity(v)));
    return builder.build();
  }

  private static void requestWithinLimit(YamlMap requests, YamlMap limits, String key) {
    Optional<YamlValue> request = requests.get(key);
    Optional<YamlValue> limit = limits.get(key);
    if (request.isEmpty() || limit.isEmpty()) {
      return;
    }
    BigDecimal asked = value(request.get());
    BigDecimal most = value(limit.get());
    if (asked.compareTo(most) > 0) {
      throw request
          .get()
          .error(
              "must not exceed "
                  + limit.get().path()
                  + " ("
                  + text(request.get()).orElseThrow()
                  + " > "
                  + text(limit.get()).orElseThrow()
                  + "); Kubernetes refuses a request above its limit");
    }
  }

  private static String positiveQuantity(YamlValue value) {
    value(value);
    return text(value).orElseThrow();
  }

  /** A quantity as written: a string, or a number ({@code cpu: 2}, as in a pod spec). */
  private static Optional<String> text(YamlValue value) {
    if (value.isString()) {
      return Optional.of(value.asString().strip());
    }
    if (value.isInteger() || value.isFloat()) {
      return Optional.of(value.scalarValue().toString());
    }
    return Optional.empty();
  }

  private static BigDecimal value(YamlValue value) {
    Optional<BigDecimal> parsed = text(value).flatMap(KubernetesQuantity::parse);
    if (parsed.isEmpty() || parsed.get().signum() <= 0) {
      throw value.error(
          "must be a positive Kubernetes quantity such as 500m, 2, 512Mi or 20Gi, got "
              + value.describe());
    }
    return parsed.get();
  }

  private static String name(YamlValue value, Pattern pattern, int maxLength) {
    String text = value.asNonEmptyString();
    if (text.length() > maxLength || !pattern.matcher(text).matches()) {
      throw value.error(
          "must be at most "
              + maxLength
              + " lower-case letters, digits and '-'"
              + (pattern == DNS_SUBDOMAIN ? " or '.'" : "")
              + ", starting and ending with a letter or digit, got "
              + value.describe());
    }
    return text;
  }
}
