package dev.megaplan.cloud.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.api.chain.ChainPolicy;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.PolicyLevel;
import dev.megaplan.cloud.api.chain.PolicySource;
import dev.megaplan.cloud.api.chain.ReviewMode;
import dev.megaplan.cloud.core.internal.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EffectivePolicyTest {
  private static final ChainSpec SPEC =
      ChainSpec.builder()
          .prerequisitePolicy(PolicyLevel.NONE)
          .validationPolicy(PolicyLevel.REQUIRED)
          .cleanMilestonePr(ReviewMode.MANUAL)
          .build();

  private static ChainPolicy resolve(String overrides) {
    return EffectivePolicy.resolve(SPEC, Optional.of(overrides));
  }

  @Test
  void withoutAnOverridesFileThePolicyComesFromChainYaml() {
    ChainPolicy policy = EffectivePolicy.resolve(SPEC, Optional.empty());
    assertEquals(PolicyLevel.NONE, policy.prerequisitePolicy());
    assertEquals(PolicyLevel.REQUIRED, policy.validationPolicy());
    assertEquals(ReviewMode.MANUAL, policy.cleanMilestonePr());
    assertEquals(PolicySource.CHAIN_YAML, policy.source());
  }

  @Test
  void anOverriddenPrerequisitePolicyWinsOverChainYaml() {
    ChainPolicy policy = resolve("{\"prerequisite_policy\": \"required\"}");
    assertEquals(PolicyLevel.REQUIRED, policy.prerequisitePolicy());
    assertEquals(PolicySource.RUNTIME_OVERRIDE, policy.source());
  }

  @Test
  void anOverriddenValidationPolicyWinsOverChainYaml() {
    assertEquals(PolicyLevel.NONE, resolve("{\"validation_policy\": \"none\"}").validationPolicy());
  }

  @Test
  void anOverriddenCleanMilestonePrWinsOverChainYaml() {
    ChainPolicy policy = resolve("{\"review_policy\": {\"clean_milestone_pr\": \"auto\"}}");
    assertEquals(ReviewMode.AUTO, policy.cleanMilestonePr());
    assertEquals(PolicySource.RUNTIME_OVERRIDE, policy.source());
  }

  @Test
  void settingsNotOverriddenStillComeFromChainYaml() {
    ChainPolicy policy = resolve("{\"prerequisite_policy\": \"required\"}");
    assertEquals(PolicyLevel.REQUIRED, policy.validationPolicy());
    assertEquals(ReviewMode.MANUAL, policy.cleanMilestonePr());
  }

  @Test
  void anInvalidOverrideIsIgnoredWhileAValidOneInTheSameFileApplies() {
    ChainPolicy policy =
        resolve("{\"prerequisite_policy\": \"always\", \"validation_policy\": \"none\"}");
    assertEquals(PolicyLevel.NONE, policy.prerequisitePolicy());
    assertEquals(PolicyLevel.NONE, policy.validationPolicy());
    assertEquals(PolicySource.RUNTIME_OVERRIDE, policy.source());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"prerequisite_policy\": \"REQUIRED\"}",
        "{\"prerequisite_policy\": true}",
        "{\"prerequisite_policy\": null}",
        "{\"validation_policy\": [\"required\"]}",
        "{\"review_policy\": \"auto\"}",
        "{\"review_policy\": {\"clean_milestone_pr\": \"sometimes\"}}",
        "{\"unrelated\": \"required\"}",
        "{}"
      })
  void aFileWithOnlyUnusableOverridesLeavesChainYamlAsTheSource(String overrides) {
    assertEquals(ChainPolicy.of(SPEC), resolve(overrides));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{not json", "[\"required\"]", "\"required\"", "null", "{} {}"})
  void aCorruptOrNonObjectFileMeansNoOverrides(String overrides) {
    assertEquals(ChainPolicy.of(SPEC), resolve(overrides));
  }

  @Test
  void rendersWithNestedReviewPolicyAndSource() {
    assertEquals(
        "{\"prerequisite_policy\":\"required\",\"validation_policy\":\"required\","
            + "\"review_policy\":{\"clean_milestone_pr\":\"manual\"},\"source\":\"runtime_override\"}",
        Json.compact(resolve("{\"prerequisite_policy\": \"required\"}")));
  }
}
