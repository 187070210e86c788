package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The chain-level policy that decides how a chain with a stopped plan is classified: {@code
 * prerequisite_policy}, {@code validation_policy} and {@code review_policy.clean_milestone_pr},
 * plus where they came from.
 *
 * <p>JSON form: {@code {"prerequisite_policy": "none", "validation_policy": "none",
 * "review_policy": {"clean_milestone_pr": "auto"}, "source": "chain_yaml"}}.
 */
@Value.Immutable
@JsonPropertyOrder({"prerequisite_policy", "validation_policy", "review_policy", "source"})
abstract class AbstractChainPolicy {
  /** The effective {@code prerequisite_policy}. */
  public abstract PolicyLevel prerequisitePolicy();

  /** The effective {@code validation_policy}. */
  public abstract PolicyLevel validationPolicy();

  /** The effective {@code review_policy.clean_milestone_pr}. */
  public abstract ReviewMode cleanMilestonePr();

  /** {@code source}: whether any setting came from the runtime-policy overrides. */
  @JsonProperty("source")
  public abstract PolicySource source();

  /**
   * The policy a chain spec declares, with {@link PolicySource#CHAIN_YAML} as its source.
   *
   * @param spec the chain spec
   * @return the spec's policy
   */
  public static ChainPolicy of(ChainSpec spec) {
    return ChainPolicy.builder()
        .prerequisitePolicy(spec.prerequisitePolicy())
        .validationPolicy(spec.validationPolicy())
        .cleanMilestonePr(spec.cleanMilestonePr())
        .source(PolicySource.CHAIN_YAML)
        .build();
  }

  @JsonProperty("prerequisite_policy")
  String prerequisitePolicyJson() {
    return prerequisitePolicy().wireName();
  }

  @JsonProperty("validation_policy")
  String validationPolicyJson() {
    return validationPolicy().wireName();
  }

  @JsonProperty("review_policy")
  Map<String, String> reviewPolicyJson() {
    return Map.of("clean_milestone_pr", cleanMilestonePr().wireName());
  }
}
