package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.megaplan.cloud.api.internal.AllowNulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One milestone of a chain spec. Only {@link #label()} and {@link #idea()} are required. */
@Value.Immutable
@JsonPropertyOrder({
  "label",
  "idea",
  "branch",
  "profile",
  "robustness",
  "vendor",
  "depth",
  "critic",
  "deepseek_provider",
  "with_prep",
  "with_feedback",
  "prep_clarify",
  "prep_direction",
  "phase_model",
  "bakeoff",
  "notes",
  "depends_on"
})
abstract class AbstractMilestone {
  /** The milestone's unique label. */
  @JsonProperty("label")
  public abstract String label();

  /** Path of the idea file: absolute, or relative to the workspace. */
  @JsonProperty("idea")
  public abstract String idea();

  /** Git branch for the milestone's work. */
  @JsonProperty("branch")
  public abstract Optional<String> branch();

  /** megaplan profile name. */
  @JsonProperty("profile")
  public abstract Optional<String> profile();

  /** megaplan robustness level. */
  @JsonProperty("robustness")
  public abstract Optional<String> robustness();

  /** {@code claude} or {@code codex}. */
  @JsonProperty("vendor")
  public abstract Optional<String> vendor();

  /** {@code minimal} … {@code max}. */
  @JsonProperty("depth")
  public abstract Optional<String> depth();

  /** {@code kimi} or {@code cross}. */
  @JsonProperty("critic")
  public abstract Optional<String> critic();

  /** {@code direct}. */
  @JsonProperty("deepseek_provider")
  public abstract Optional<String> deepseekProvider();

  /** Whether to run the prep phase. */
  @JsonProperty("with_prep")
  public abstract Optional<Boolean> withPrep();

  /** Whether to run the feedback phase. */
  @JsonProperty("with_feedback")
  public abstract Optional<Boolean> withFeedback();

  /** Whether prep asks clarifying questions; true by default. */
  @JsonProperty("prep_clarify")
  @Value.Default
  public boolean prepClarify() {
    return true;
  }

  /** Free-form direction for the prep phase. */
  @JsonProperty("prep_direction")
  public abstract Optional<String> prepDirection();

  /** Phase model override(s); a single string in the spec becomes a one-element list. */
  @JsonProperty("phase_model")
  public abstract List<String> phaseModel();

  /** Bake-off settings, passed through untouched. */
  @JsonProperty("bakeoff")
  @AllowNulls
  public abstract Map<String, Object> bakeoff();

  /** Free-form notes. */
  @JsonProperty("notes")
  public abstract Optional<String> notes();

  /** Labels of earlier milestones this one depends on. */
  @JsonProperty("depends_on")
  public abstract List<String> dependsOn();
}
