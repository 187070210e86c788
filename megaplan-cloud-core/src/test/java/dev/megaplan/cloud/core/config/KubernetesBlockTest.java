package dev.megaplan.cloud.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.KubernetesConfig;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.LoadedConfig;
import dev.megaplan.cloud.core.internal.json.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesBlockTest {
  private static final String BASE =
      "provider: kubernetes\nrepo: {url: u}\nimage: {ref: ghcr.io/team/runner:1}\n";

  private static CloudException invalid(String yaml) {
    CloudException e = assertThrows(CloudException.class, () -> CloudYaml.parse(yaml));
    assertEquals(ErrorCode.INVALID_SPEC, e.code(), e.getMessage());
    return e;
  }

  @Test
  void withoutTheBlockTheDefaultsApply() {
    KubernetesConfig k8s = CloudYaml.parse(BASE).kubernetes().orElseThrow();
    assertEquals(Optional.empty(), k8s.context());
    assertEquals(Optional.empty(), k8s.namespace());
    assertEquals("megaplan-runner", k8s.name());
    assertEquals("20Gi", k8s.storage());
    assertEquals(Optional.empty(), k8s.storageClass());
    assertEquals(Optional.empty(), k8s.requests().cpu());
    assertEquals(Optional.empty(), k8s.limits().memory());
    assertEquals(Optional.empty(), k8s.serviceAccount());
    assertEquals(Optional.empty(), k8s.imagePullSecret());
  }

  @Test
  void everyFieldIsReadAsWritten() {
    KubernetesConfig k8s =
        CloudYaml.parse(
                BASE
                    + "kubernetes:\n"
                    + "  context: prod-eu\n"
                    + "  namespace: agents\n"
                    + "  name: runner-a\n"
                    + "  storage: 50Gi\n"
                    + "  storage_class: fast.ssd\n"
                    + "  requests: {cpu: 500m, memory: 1Gi}\n"
                    + "  limits: {cpu: 2, memory: 4Gi}\n"
                    + "  service_account: megaplan\n"
                    + "  image_pull_secret: ghcr-pull\n")
            .kubernetes()
            .orElseThrow();
    assertEquals(Optional.of("prod-eu"), k8s.context());
    assertEquals(Optional.of("agents"), k8s.namespace());
    assertEquals("runner-a", k8s.name());
    assertEquals("50Gi", k8s.storage());
    assertEquals(Optional.of("fast.ssd"), k8s.storageClass());
    assertEquals(Optional.of("500m"), k8s.requests().cpu());
    assertEquals(Optional.of("1Gi"), k8s.requests().memory());
    assertEquals(Optional.of("2"), k8s.limits().cpu());
    assertEquals(Optional.of("4Gi"), k8s.limits().memory());
    assertEquals(Optional.of("megaplan"), k8s.serviceAccount());
    assertEquals(Optional.of("ghcr-pull"), k8s.imagePullSecret());
  }

  @Test
  void theBlockRendersSnakeCaseInFileOrder() {
    JsonNode k8s =
        Json.mapper()
            .valueToTree(CloudYaml.parse(BASE + "kubernetes: {namespace: agents}\n"))
            .get("kubernetes");
    List<String> names = new java.util.ArrayList<>();
    k8s.fieldNames().forEachRemaining(names::add);
    assertEquals(
        List.of(
            "context",
            "namespace",
            "name",
            "storage",
            "storage_class",
            "requests",
            "limits",
            "service_account",
            "image_pull_secret"),
        names);
    assertEquals("agents", k8s.get("namespace").asText());
    assertTrue(k8s.get("requests").get("cpu").isNull());
  }

  @Test
  void anotherProviderWithoutTheBlockHasNoKubernetesSettings() {
    assertEquals(Optional.empty(), CloudYaml.parse("repo: {url: u}\n").kubernetes());
  }

  @Test
  void imageRefIsRequiredAndTheErrorNamesTheFieldAndItsPlace() {
    CloudException none = invalid("provider: kubernetes\nrepo: {url: u}\n");
    assertTrue(none.getMessage().startsWith("image.ref is required when provider is kubernetes"));
    assertTrue(none.getMessage().contains("(cloud.yaml:1:1)"), none.getMessage());
    CloudException baseOnly =
        invalid("provider: kubernetes\nrepo: {url: u}\nimage:\n  base: debian:12\n");
    assertTrue(baseOnly.getMessage().startsWith("image.ref is required"), baseOnly.getMessage());
    assertTrue(baseOnly.getMessage().contains("(cloud.yaml:4:3)"), baseOnly.getMessage());
  }

  @Test
  void anotherProviderDoesNotNeedImageRef() {
    CloudConfig config = CloudYaml.parse("provider: host\nrepo: {url: u}\nkubernetes: {}\n");
    assertEquals("megaplan-runner", config.kubernetes().orElseThrow().name());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "name: Runner",
        "name: -runner",
        "name: runner_a",
        "name: a2345678901234567890123456789012345678901234567890123",
        "namespace: team.agents",
        "storage_class: Fast",
        "service_account: 'a b'"
      })
  void namesTheApiServerWouldRefuseAreInvalidWithTheirPlace(String field) {
    CloudException e = invalid(BASE + "kubernetes:\n  " + field + "\n");
    String key = field.substring(0, field.indexOf(':'));
    assertTrue(e.getMessage().startsWith("kubernetes." + key + " must be at most"), e.getMessage());
    assertTrue(e.getMessage().contains("(cloud.yaml:5:"), e.getMessage());
  }

  @Test
  void aFiftyTwoCharacterNameIsTheLongestAccepted() {
    String name = "a".repeat(52);
    assertEquals(
        name,
        CloudYaml.parse(BASE + "kubernetes: {name: " + name + "}\n")
            .kubernetes()
            .orElseThrow()
            .name());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"storage: 20GB", "storage: 0", "storage: -1Gi", "storage: [1]", "storage: lots"})
  void aStorageThatIsNotAPositiveQuantityIsInvalid(String field) {
    CloudException e = invalid(BASE + "kubernetes:\n  " + field + "\n");
    assertTrue(
        e.getMessage().startsWith("kubernetes.storage must be a positive Kubernetes quantity"),
        e.getMessage());
  }

  @Test
  void quantitiesInEveryNotationLoad() {
    for (String cpu : List.of("100m", "0.5", "2", "1e3", "1.5k")) {
      assertEquals(
          Optional.of(cpu),
          CloudYaml.parse(BASE + "kubernetes: {requests: {cpu: '" + cpu + "'}}\n")
              .kubernetes()
              .orElseThrow()
              .requests()
              .cpu());
    }
  }

  @Test
  void aRequestAboveItsLimitIsInvalidAtTheRequest() {
    CloudException e =
        invalid(
            BASE
                + "kubernetes:\n"
                + "  requests: {memory: 2Gi}\n"
                + "  limits: {memory: 1500Mi}\n");
    assertTrue(
        e.getMessage()
            .startsWith(
                "kubernetes.requests.memory must not exceed kubernetes.limits.memory (2Gi >"
                    + " 1500Mi)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("(cloud.yaml:5:"), e.getMessage());
  }

  @Test
  void aRequestEqualToItsLimitInAnotherNotationLoads() {
    CloudConfig config =
        CloudYaml.parse(BASE + "kubernetes:\n  requests: {cpu: 1000m}\n  limits: {cpu: 1}\n");
    assertEquals(Optional.of("1"), config.kubernetes().orElseThrow().limits().cpu());
  }

  @Test
  void unknownKeysInTheBlockAreWarnings() {
    LoadedConfig loaded =
        CloudYaml.loader()
            .inspect(BASE + "kubernetes:\n  namespce: x\n  requests: {gpu: 1}\n", "cloud.yaml");
    assertEquals(2, loaded.warnings().size(), loaded.warnings().toString());
    assertTrue(loaded.warnings().get(0).startsWith("unknown key 'kubernetes.namespce'"));
    assertTrue(loaded.warnings().get(1).startsWith("unknown key 'kubernetes.requests.gpu'"));
  }
}
