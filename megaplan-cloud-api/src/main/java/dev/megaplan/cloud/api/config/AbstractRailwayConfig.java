package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;

/** Settings of the {@code railway} provider ({@code railway}). */
@Value.Immutable
@JsonPropertyOrder({"service", "session", "project", "environment", "api_url"})
abstract class AbstractRailwayConfig {
  /** Railway's public GraphQL endpoint, the default of {@link #apiUrl()}. */
  public static final String DEFAULT_API_URL = "https://backboard.railway.com/graphql/v2";

  /**
   * The Railway service used by deploy, logs and down ({@code railway.service}); {@code agent} by
   * default.
   *
   * @return the service name
   */
  @JsonProperty("service")
  @Value.Default
  public String service() {
    return "agent";
  }

  /**
   * The Railway SSH session name for interactive attaches ({@code railway.session}); {@code agent}
   * by default.
   *
   * @return the session name
   */
  @JsonProperty("session")
  @Value.Default
  public String session() {
    return "agent";
  }

  /**
   * The Railway project ({@code railway.project}), when set.
   *
   * @return the project, or empty
   */
  @JsonProperty("project")
  public abstract Optional<String> project();

  /**
   * The Railway environment ({@code railway.environment}), when set.
   *
   * @return the environment, or empty
   */
  @JsonProperty("environment")
  public abstract Optional<String> environment();

  /**
   * The GraphQL endpoint ({@code railway.api_url}); {@value #DEFAULT_API_URL} by default. The
   * {@code RAILWAY_API_URL} environment variable overrides it at the edge, not here.
   *
   * @return the URL
   */
  @JsonProperty("api_url")
  @Value.Default
  public String apiUrl() {
    return DEFAULT_API_URL;
  }
}
