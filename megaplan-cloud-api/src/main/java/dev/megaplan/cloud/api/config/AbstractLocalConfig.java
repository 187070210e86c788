package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;

/** Settings of the {@code local} (Docker Compose) provider ({@code local}). */
@Value.Immutable
@JsonPropertyOrder({"compose_project", "workdir"})
abstract class AbstractLocalConfig {
  /**
   * The Docker Compose project name ({@code local.compose_project}); {@code megaplan-cloud} by
   * default.
   *
   * @return the project name
   */
  @JsonProperty("compose_project")
  @Value.Default
  public String composeProject() {
    return "megaplan-cloud";
  }

  /**
   * The bind-mounted directory inside the persistent deploy dir ({@code local.workdir}); {@code
   * workspace} by default.
   *
   * @return the directory name
   */
  @JsonProperty("workdir")
  @Value.Default
  public String workdir() {
    return "workspace";
  }
}
