package dev.megaplan.cloud.providers.railway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.RailwayConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Railway operations the provider needs, typed, over a {@link GraphQlClient}: resolving the
 * project, environment and service by name or id, upserting variables, listing deployments, reading
 * their logs, stopping them and deleting a volume.
 */
public final class RailwayApi {
  private static final String DEFAULT_ENVIRONMENT = "production";

  private final GraphQlClient client;
  private final boolean projectToken;

  /**
   * Wraps a client.
   *
   * @param client the GraphQL client
   * @param projectToken whether the credential is a project token (it names its own project and
   *     environment)
   */
  public RailwayApi(GraphQlClient client, boolean projectToken) {
    this.client = client;
    this.projectToken = projectToken;
  }

  /** One deployment: its id, status and creation time. */
  public record Deployment(String id, String status, String createdAt) {}

  /** One log entry of a deployment. */
  public record LogEntry(String timestamp, String severity, String message) {}

  /**
   * Resolves {@code railway.project}, {@code railway.environment} and {@code railway.service} (each
   * a name or an id) to ids.
   *
   * @param config the railway block
   * @return the target
   * @throws CloudException {@code railway_service_missing} when the service does not exist, {@code
   *     invalid_spec} when the project or environment cannot be determined
   */
  public RailwayTarget resolve(RailwayConfig config) {
    Optional<JsonNode> tokenScope = Optional.empty();
    if (projectToken) {
      tokenScope =
          Optional.of(
              client
                  .execute("projectToken", RailwayDocuments.PROJECT_TOKEN, Map.of(), true)
                  .path("projectToken"));
    }
    String projectId = projectId(config, tokenScope);
    JsonNode project =
        client
            .execute("project", RailwayDocuments.PROJECT, Map.of("id", projectId), true)
            .path("project");
    if (!project.isObject()) {
      throw new CloudException(
          ErrorCode.INVALID_SPEC,
          "Railway has no project '" + projectId + "' visible to this token",
          Map.of("project", projectId));
    }
    String projectName = project.path("name").asText(projectId);
    Map<String, String> environments = names(project.path("environments"));
    Map<String, String> services = names(project.path("services"));
    Map<String, String> volumes = names(project.path("volumes"));

    Optional<String> wantedEnvironment = config.environment();
    if (wantedEnvironment.isEmpty() && tokenScope.isPresent()) {
      wantedEnvironment = text(tokenScope.get().path("environment").path("id"));
    }
    String environment = wantedEnvironment.orElse(DEFAULT_ENVIRONMENT);
    Optional<Map.Entry<String, String>> env = find(environments, environment);
    if (env.isEmpty() && config.environment().isEmpty() && environments.size() == 1) {
      env = Optional.of(environments.entrySet().iterator().next());
    }
    if (env.isEmpty()) {
      throw new CloudException(
          ErrorCode.INVALID_SPEC,
          "Railway project '"
              + projectName
              + "' has no environment '"
              + environment
              + "'; set railway.environment to one of: "
              + String.join(", ", environments.keySet()),
          Map.of("environment", environment, "environments", List.copyOf(environments.keySet())));
    }
    Optional<Map.Entry<String, String>> service = find(services, config.service());
    if (service.isEmpty()) {
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("service", config.service());
      context.put("project", projectName);
      context.put("services", List.copyOf(services.keySet()));
      throw new CloudException(
          ErrorCode.RAILWAY_SERVICE_MISSING,
          "Railway project '"
              + projectName
              + "' has no service '"
              + config.service()
              + "'. Fix: create an empty service named '"
              + config.service()
              + "' in the project (dashboard → New → Empty Service, or `railway add --service "
              + config.service()
              + "`), or set railway.service to one of: "
              + (services.isEmpty() ? "(none)" : String.join(", ", services.keySet())),
          context);
    }
    return new RailwayTarget(
        project.path("id").asText(projectId),
        projectName,
        env.get().getValue(),
        env.get().getKey(),
        service.get().getValue(),
        service.get().getKey(),
        volumes);
  }

  /**
   * Sets the service's variables in one call; values travel only in the request body.
   *
   * @param target where
   * @param variables name → value
   */
  public void upsertVariables(RailwayTarget target, Map<String, String> variables) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("projectId", target.projectId());
    vars.put("environmentId", target.environmentId());
    vars.put("serviceId", target.serviceId());
    vars.put("variables", new LinkedHashMap<>(variables));
    client.execute("variableCollectionUpsert", RailwayDocuments.VARIABLES_UPSERT, vars, true);
  }

  /**
   * The service's deployments in the environment, newest first.
   *
   * @param target where
   * @param first how many
   * @return the deployments
   */
  public List<Deployment> deployments(RailwayTarget target, int first) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("projectId", target.projectId());
    input.put("environmentId", target.environmentId());
    input.put("serviceId", target.serviceId());
    JsonNode data =
        client.execute(
            "deployments",
            RailwayDocuments.DEPLOYMENTS,
            Map.of("input", input, "first", first),
            true);
    List<Deployment> out = new ArrayList<>();
    for (JsonNode edge : data.path("deployments").path("edges")) {
      JsonNode node = edge.path("node");
      out.add(
          new Deployment(
              node.path("id").asText(),
              node.path("status").asText(""),
              node.path("createdAt").asText("")));
    }
    return out;
  }

  /**
   * The most recent log entries of a deployment, oldest first.
   *
   * @param deploymentId the deployment
   * @param limit how many at most
   * @return the entries
   */
  public List<LogEntry> logs(String deploymentId, int limit) {
    JsonNode data =
        client.execute(
            "deploymentLogs",
            RailwayDocuments.DEPLOYMENT_LOGS,
            Map.of("deploymentId", deploymentId, "limit", limit),
            true);
    List<LogEntry> out = new ArrayList<>();
    for (JsonNode entry : data.path("deploymentLogs")) {
      out.add(
          new LogEntry(
              entry.path("timestamp").asText(""),
              entry.path("severity").asText(""),
              entry.path("message").asText("")));
    }
    return out;
  }

  /**
   * Stops a deployment.
   *
   * @param deploymentId the deployment
   */
  public void stop(String deploymentId) {
    client.execute(
        "deploymentStop", RailwayDocuments.DEPLOYMENT_STOP, Map.of("id", deploymentId), true);
  }

  /**
   * Deletes a volume.
   *
   * @param volumeId the volume
   */
  public void deleteVolume(String volumeId) {
    client.execute("volumeDelete", RailwayDocuments.VOLUME_DELETE, Map.of("id", volumeId), true);
  }

  private String projectId(RailwayConfig config, Optional<JsonNode> tokenScope) {
    if (config.project().isPresent()) {
      String wanted = config.project().get();
      if (tokenScope.isPresent()) {
        return wanted;
      }
      JsonNode projects = client.execute("projects", RailwayDocuments.PROJECTS, Map.of(), true);
      Map<String, String> byName = names(projects.path("projects"));
      return find(byName, wanted).map(Map.Entry::getValue).orElse(wanted);
    }
    if (tokenScope.isPresent()) {
      Optional<String> id = text(tokenScope.get().path("project").path("id"));
      if (id.isPresent()) {
        return id.get();
      }
    }
    throw new CloudException(
        ErrorCode.INVALID_SPEC,
        "Set railway.project in cloud.yaml (a project name or id): an account token "
            + "(RAILWAY_API_TOKEN) does not name a project; a project token (RAILWAY_TOKEN) would");
  }

  /** {@code {edges: [{node: {id, name}}]}} as name → id, in order. */
  private static Map<String, String> names(JsonNode connection) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode edge : connection.path("edges")) {
      JsonNode node = edge.path("node");
      String id = node.path("id").asText("");
      if (!id.isEmpty()) {
        out.put(node.path("name").asText(id), id);
      }
    }
    return out;
  }

  /** An entry whose name or id is the wanted value; names first. */
  private static Optional<Map.Entry<String, String>> find(
      Map<String, String> byName, String wanted) {
    for (Map.Entry<String, String> entry : byName.entrySet()) {
      if (entry.getKey().equals(wanted)) {
        return Optional.of(entry);
      }
    }
    for (Map.Entry<String, String> entry : byName.entrySet()) {
      if (entry.getValue().equals(wanted)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}
