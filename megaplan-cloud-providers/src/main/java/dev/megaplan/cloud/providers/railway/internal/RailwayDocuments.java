package dev.megaplan.cloud.providers.railway.internal;

/**
 * The GraphQL documents sent to Railway, one constant each, so tests assert the exact text. Where a
 * document comes from is said beside it: "CLI" means it matches the {@code railway} CLI's own
 * document under {@code src/gql} (railwayapp/cli) field for field; "public API" means its shape was
 * taken from third-party clients of the public API and Railway's docs, not from the CLI.
 */
public final class RailwayDocuments {
  private RailwayDocuments() {}

  /** CLI ({@code Project.graphql}) plus {@code volumes} (public API). */
  public static final String PROJECT =
      "query project($id: String!) { project(id: $id) { id name"
          + " environments { edges { node { id name } } }"
          + " services { edges { node { id name } } }"
          + " volumes { edges { node { id name } } } } }";

  /** Public API: the projects an account token sees, to find one by name. */
  public static final String PROJECTS =
      "query projects { projects { edges { node { id name } } } }";

  /** CLI ({@code ProjectToken.graphql}): the project and environment of a project token. */
  public static final String PROJECT_TOKEN =
      "query projectToken { projectToken { project { id name } environment { id name } } }";

  /**
   * CLI ({@code VariableCollectionUpsert.graphql}) with {@code skipDeploys: true} (public API), so
   * the variables change does not start a deploy of its own before ours.
   */
  public static final String VARIABLES_UPSERT =
      "mutation variableCollectionUpsert($projectId: String!, $environmentId: String!,"
          + " $serviceId: String!, $variables: EnvironmentVariables!) {"
          + " variableCollectionUpsert(input: {projectId: $projectId, environmentId: $environmentId,"
          + " serviceId: $serviceId, variables: $variables, skipDeploys: true}) }";

  /** CLI ({@code Deployments.graphql}): newest first. */
  public static final String DEPLOYMENTS =
      "query deployments($input: DeploymentListInput!, $first: Int) {"
          + " deployments(input: $input, first: $first) {"
          + " edges { node { id createdAt status } } } }";

  /** CLI ({@code DeploymentLogs.graphql}), with the limit as a variable. */
  public static final String DEPLOYMENT_LOGS =
      "query deploymentLogs($deploymentId: String!, $limit: Int) {"
          + " deploymentLogs(deploymentId: $deploymentId, limit: $limit) {"
          + " message timestamp severity } }";

  /** Public API: stops a deployment (the CLI's {@code down} removes it instead). */
  public static final String DEPLOYMENT_STOP =
      "mutation deploymentStop($id: String!) { deploymentStop(id: $id) }";

  /** CLI ({@code VolumeDelete.graphql}). */
  public static final String VOLUME_DELETE =
      "mutation volumeDelete($id: String!) { volumeDelete(volumeId: $id) }";
}
