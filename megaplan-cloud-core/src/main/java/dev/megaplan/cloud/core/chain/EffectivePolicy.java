package dev.megaplan.cloud.core.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.megaplan.cloud.api.chain.ChainPolicy;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.PolicyLevel;
import dev.megaplan.cloud.api.chain.PolicySource;
import dev.megaplan.cloud.api.chain.ReviewMode;
import dev.megaplan.cloud.core.internal.json.Json;
import java.util.Optional;
import java.util.function.Function;

/**
 * The effective chain policy (spec 02): {@code prerequisite_policy}, {@code validation_policy} and
 * {@code review_policy.clean_milestone_pr} come from the runtime-policy overrides file (see {@link
 * ChainStatePath#runtimePolicyPath(String)}) when it sets them, else from chain.yaml.
 *
 * <p>Rules, decided here and kept deliberately forgiving because the file is megaplan's:
 *
 * <ul>
 *   <li>A missing file, text that is not JSON, or JSON that is not an object: no overrides.
 *   <li>Each setting is taken on its own. An override whose value is not one of the setting's names
 *       as written in chain.yaml ({@code none}/{@code required}, {@code auto}/{@code manual};
 *       exact, lower case) is ignored and that setting comes from chain.yaml; so is a {@code
 *       review_policy} that is not an object. Other keys in the file are ignored.
 *   <li>{@code source} is {@link PolicySource#RUNTIME_OVERRIDE} when at least one setting was taken
 *       from the file, else {@link PolicySource#CHAIN_YAML}. (megaplan itself says {@code
 *       runtime_override} for any non-empty file, even one whose overrides are all unusable; here
 *       the source says where the effective values actually came from.)
 * </ul>
 */
public final class EffectivePolicy {
  private static final ObjectReader READER =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EffectivePolicy() {}

  /**
   * Resolves the effective policy.
   *
   * @param spec the chain spec (the remote copy)
   * @param runtimePolicyJson the overrides file's text, or empty when the file does not exist
   * @return the effective policy
   */
  public static ChainPolicy resolve(ChainSpec spec, Optional<String> runtimePolicyJson) {
    JsonNode overrides = runtimePolicyJson.map(EffectivePolicy::readObject).orElse(null);
    ChainPolicy fromSpec = ChainPolicy.of(spec);
    if (overrides == null) {
      return fromSpec;
    }
    Optional<PolicyLevel> prerequisite =
        level(overrides.get("prerequisite_policy"), PolicyLevel.values(), PolicyLevel::wireName);
    Optional<PolicyLevel> validation =
        level(overrides.get("validation_policy"), PolicyLevel.values(), PolicyLevel::wireName);
    JsonNode review = overrides.get("review_policy");
    Optional<ReviewMode> cleanPr =
        review != null && review.isObject()
            ? level(review.get("clean_milestone_pr"), ReviewMode.values(), ReviewMode::wireName)
            : Optional.empty();
    boolean overridden = prerequisite.isPresent() || validation.isPresent() || cleanPr.isPresent();
    return ChainPolicy.builder()
        .prerequisitePolicy(prerequisite.orElse(fromSpec.prerequisitePolicy()))
        .validationPolicy(validation.orElse(fromSpec.validationPolicy()))
        .cleanMilestonePr(cleanPr.orElse(fromSpec.cleanMilestonePr()))
        .source(overridden ? PolicySource.RUNTIME_OVERRIDE : PolicySource.CHAIN_YAML)
        .build();
  }

  private static JsonNode readObject(String json) {
    try {
      JsonNode node = READER.readTree(json);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static <E> Optional<E> level(JsonNode value, E[] choices, Function<E, String> wireName) {
    if (value == null || !value.isTextual()) {
      return Optional.empty();
    }
    for (E choice : choices) {
      if (wireName.apply(choice).equals(value.textValue())) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }
}
