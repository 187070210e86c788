package dev.megaplan.cloud.api.provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One step of a build or deploy, as the report lists it. Tails are redacted before they get here.
 */
@Value.Immutable
@JsonPropertyOrder({"name", "status", "detail", "stdout_tail", "stderr_tail", "metadata"})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
abstract class AbstractDeployStep {
  /** What the step did, for example {@code render Dockerfile} or {@code check tmux}. */
  @JsonProperty("name")
  public abstract String name();

  /** {@code ok}, {@code skipped}, {@code warning} or {@code failed}. */
  @JsonProperty("status")
  public abstract String status();

  /** A human detail line. */
  @JsonProperty("detail")
  public abstract Optional<String> detail();

  /** The last lines of the step's stdout (at most 20 lines / 4000 characters), redacted. */
  @JsonProperty("stdout_tail")
  public abstract Optional<String> stdoutTail();

  /** The last lines of the step's stderr (at most 20 lines / 4000 characters), redacted. */
  @JsonProperty("stderr_tail")
  public abstract Optional<String> stderrTail();

  /** Structured facts of the step (for example a rendered file's sha256). */
  @JsonProperty("metadata")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, Object> metadata();
}
