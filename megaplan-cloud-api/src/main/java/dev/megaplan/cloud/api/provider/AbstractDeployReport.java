package dev.megaplan.cloud.api.provider;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The outcome of {@code build} or {@code deploy}: the JSON of the {@code deploy} row of 08. */
@Value.Immutable
@JsonPropertyOrder({
  "success",
  "event",
  "provider",
  "service",
  "deploy_dir",
  "steps",
  "image_rebuild",
  "image_ref",
  "no_op",
  "vars_updated",
  "logs",
  "warnings",
  "verdict"
})
abstract class AbstractDeployReport {
  /** Whether every step succeeded. */
  @JsonProperty("success")
  public abstract boolean success();

  /** {@code cloud_deploy} or {@code cloud_build}. */
  @JsonProperty("event")
  @Value.Default
  public String event() {
    return "cloud_deploy";
  }

  /** The provider name. */
  @JsonProperty("provider")
  public abstract String provider();

  /** The deployment's identity (railway service, compose project, ssh host, host root). */
  @JsonProperty("service")
  public abstract String service();

  /** The rendered deploy directory, when there is one. */
  @JsonProperty("deploy_dir")
  public abstract Optional<String> deployDir();

  /** The steps in order. */
  @JsonProperty("steps")
  public abstract List<DeployStep> steps();

  /** {@code triggered}, {@code not_triggered} or {@code not_applicable}. */
  @JsonProperty("image_rebuild")
  @Value.Default
  public String imageRebuild() {
    return "not_applicable";
  }

  /** The image reference deployed, when there is one. */
  @JsonProperty("image_ref")
  public abstract Optional<String> imageRef();

  /** Whether nothing changed. */
  @JsonProperty("no_op")
  public abstract boolean noOp();

  /** Names of the variables updated on the box (never their values). */
  @JsonProperty("vars_updated")
  public abstract List<String> varsUpdated();

  /** Where to look for logs (paths or commands). */
  @JsonProperty("logs")
  public abstract Map<String, Object> logs();

  /** Warnings for the user. */
  @JsonProperty("warnings")
  public abstract List<String> warnings();

  /** One line that says how it went. */
  @JsonProperty("verdict")
  public abstract String verdict();
}
