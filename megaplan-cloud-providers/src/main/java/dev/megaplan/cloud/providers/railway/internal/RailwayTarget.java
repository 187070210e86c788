package dev.megaplan.cloud.providers.railway.internal;

import java.util.Map;

/**
 * The resolved project, environment and service every call is scoped to, by id, with their names
 * for messages.
 *
 * @param projectId the project's id
 * @param projectName the project's name
 * @param environmentId the environment's id
 * @param environmentName the environment's name
 * @param serviceId the service's id
 * @param serviceName the service's name
 * @param volumes the project's volumes, name → id
 */
public record RailwayTarget(
    String projectId,
    String projectName,
    String environmentId,
    String environmentName,
    String serviceId,
    String serviceName,
    Map<String, String> volumes) {
  /** Copies the volume map. */
  public RailwayTarget {
    volumes = Map.copyOf(volumes);
  }

  /**
   * How messages name the target.
   *
   * @return for example {@code service 'agent' in project 'p' (environment 'production')}
   */
  public String describe() {
    return "service '"
        + serviceName
        + "' in project '"
        + projectName
        + "' (environment '"
        + environmentName
        + "')";
  }
}
