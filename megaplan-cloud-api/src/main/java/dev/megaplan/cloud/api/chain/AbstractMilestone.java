package dev.megaplan.cloud.api.chain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One milestone of a chain spec. Only {@link #label()} and {@link #idea()} are required. */
@Value.Immutable
abstract class AbstractMilestone {
  /** The milestone's unique label. */
  public abstract String label();

  /** Path of the idea file: absolute, or relative to the workspace. */
  public abstract String idea();

  /** Git branch for the milestone's work. */
  public abstract Optional<String> branch();

  /** megaplan profile name. */
  public abstract Optional<String> profile();

  /** megaplan robustness level. */
  public abstract Optional<String> robustness();

  /** {@code claude} or {@code codex}. */
  public abstract Optional<String> vendor();

  /** {@code minimal} … {@code max}. */
  public abstract Optional<String> depth();

  /** {@code kimi} or {@code cross}. */
  public abstract Optional<String> critic();

  /** {@code direct}. */
  public abstract Optional<String> deepseekProvider();

  /** Whether to run the prep phase. */
  public abstract Optional<Boolean> withPrep();

  /** Whether to run the feedback phase. */
  public abstract Optional<Boolean> withFeedback();

  /** Whether prep asks clarifying questions; true by default. */
  @Value.Default
  public boolean prepClarify() {
    return true;
  }

  /** Free-form direction for the prep phase. */
  public abstract Optional<String> prepDirection();

  /** Phase model override(s); a single string in the spec becomes a one-element list. */
  public abstract List<String> phaseModel();

  /** Bake-off settings, passed through untouched. */
  public abstract Map<String, Object> bakeoff();

  /** Free-form notes. */
  public abstract Optional<String> notes();

  /** Labels of earlier milestones this one depends on. */
  public abstract List<String> dependsOn();
}
