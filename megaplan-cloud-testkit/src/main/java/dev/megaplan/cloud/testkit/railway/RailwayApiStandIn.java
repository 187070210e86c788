package dev.megaplan.cloud.testkit.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.megaplan.cloud.core.internal.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A stand-in of Railway's public GraphQL API on MockWebServer (loopback): one project ({@code
 * proj-1}) with one environment ({@code env-1}, {@code production}), the services and volumes it is
 * given, and a deployment list that an upload to {@code /project/<p>/environment/<e>/up} adds to
 * (answering {@code deploymentId}, as {@code railway up}'s endpoint does). It answers by {@code
 * operationName}, records every request (headers and parsed body), and can be told to answer one
 * operation with an error.
 */
public final class RailwayApiStandIn implements AutoCloseable {
  /** The project's id. */
  public static final String PROJECT_ID = "proj-1";

  /** The environment's id. */
  public static final String ENVIRONMENT_ID = "env-1";

  /** What one request carried. */
  public record Call(
      String operation,
      JsonNode variables,
      String query,
      Map<String, String> headers,
      String url) {}

  private final MockWebServer server = new MockWebServer();
  private final Map<String, String> services;
  private final Map<String, String> volumes;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<String[]> deployments = new CopyOnWriteArrayList<>();
  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final Map<String, String> failures = new LinkedHashMap<>();
  private final List<byte[]> uploads = new CopyOnWriteArrayList<>();
  private int deployCount;

  private RailwayApiStandIn(Map<String, String> services, Map<String, String> volumes) {
    this.services = Map.copyOf(services);
    this.volumes = Map.copyOf(volumes);
  }

  /**
   * Starts the stand-in on a loopback port.
   *
   * @param services service name → id
   * @param volumes volume name → id
   * @return the running stand-in
   */
  public static RailwayApiStandIn start(Map<String, String> services, Map<String, String> volumes) {
    RailwayApiStandIn standIn = new RailwayApiStandIn(services, volumes);
    standIn.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return standIn.answer(request);
          }
        });
    try {
      standIn.server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the Railway API stand-in", e);
    }
    return standIn;
  }

  /**
   * The GraphQL endpoint to put in {@code RAILWAY_API_URL}.
   *
   * @return {@code http://127.0.0.1:PORT/graphql/v2}
   */
  public String url() {
    return server.url("/graphql/v2").toString();
  }

  /**
   * Every request so far, in order.
   *
   * @return the calls
   */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /**
   * The operation names so far, in order.
   *
   * @return the names
   */
  public List<String> operations() {
    List<String> out = new ArrayList<>();
    for (Call call : calls) {
      out.add(call.operation());
    }
    return out;
  }

  /**
   * Adds an existing deployment (newest first order is kept: the newest is added last).
   *
   * @param id the id
   * @param status its status, for example {@code SUCCESS}
   */
  public synchronized void addDeployment(String id, String status) {
    deployments.add(0, new String[] {id, status});
  }

  /**
   * Sets the log lines {@code deploymentLogs} answers (the last {@code limit} of them).
   *
   * @param lines the lines, oldest first
   */
  public void logLines(List<String> lines) {
    logLines.clear();
    logLines.addAll(lines);
  }

  /**
   * Makes an operation answer with a GraphQL {@code errors} array.
   *
   * @param operation the operation name
   * @param message the error message
   */
  public synchronized void fail(String operation, String message) {
    failures.put(operation, message);
  }

  /**
   * The archives uploaded to {@code /project/<p>/environment/<e>/up}, in order.
   *
   * @return the {@code .tar.gz} bytes of each upload
   */
  public List<byte[]> uploads() {
    return List.copyOf(uploads);
  }

  private synchronized MockResponse answerUp(RecordedRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : request.getHeaders().names()) {
      headers.put(name.toLowerCase(java.util.Locale.ROOT), request.getHeaders().get(name));
    }
    ObjectNode variables = Json.mapper().createObjectNode();
    variables.put("path", request.getUrl().encodedPath());
    variables.put("serviceId", request.getUrl().queryParameter("serviceId"));
    variables.put("bytes", request.getBodySize());
    calls.add(new Call("up", variables, "", headers, request.getUrl().toString()));
    if (failures.containsKey("up")) {
      return json(400, "{\"message\":" + Json.compact(failures.get("up")) + "}");
    }
    uploads.add(request.getBody() == null ? new byte[0] : request.getBody().toByteArray());
    deployCount++;
    String id = "dep-up-" + deployCount;
    deployments.add(0, new String[] {id, "BUILDING"});
    return json(
        200, "{\"deploymentId\":\"" + id + "\",\"logsUrl\":\"https://example.invalid/logs\"}");
  }

  private synchronized MockResponse answer(RecordedRequest request) {
    if (request.getUrl().encodedPath().endsWith("/up")) {
      return answerUp(request);
    }
    JsonNode body;
    try {
      body = Json.mapper().readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
    } catch (IOException e) {
      return json(400, "{\"errors\":[{\"message\":\"bad json\"}]}");
    }
    String operation = body.path("operationName").asText("");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : request.getHeaders().names()) {
      headers.put(name.toLowerCase(java.util.Locale.ROOT), request.getHeaders().get(name));
    }
    calls.add(
        new Call(
            operation,
            body.path("variables"),
            body.path("query").asText(""),
            headers,
            request.getUrl().toString()));
    if (failures.containsKey(operation)) {
      return json(
          200,
          "{\"errors\":[{\"message\":"
              + Json.compact(failures.get(operation))
              + "}],\"data\":null}");
    }
    ObjectNode data = Json.mapper().createObjectNode();
    switch (operation) {
      case "project" -> {
        ObjectNode project = data.putObject("project");
        project.put("id", PROJECT_ID);
        project.put("name", "megaplan");
        connection(project.putObject("environments"), Map.of("production", ENVIRONMENT_ID));
        connection(project.putObject("services"), services);
        connection(project.putObject("volumes"), volumes);
      }
      case "projects" -> connection(data.putObject("projects"), Map.of("megaplan", PROJECT_ID));
      case "projectToken" -> {
        ObjectNode token = data.putObject("projectToken");
        token.putObject("project").put("id", PROJECT_ID).put("name", "megaplan");
        token.putObject("environment").put("id", ENVIRONMENT_ID).put("name", "production");
      }
      case "variableCollectionUpsert" -> data.put("variableCollectionUpsert", true);
      case "deployments" -> {
        int first = body.path("variables").path("first").asInt(10);
        ArrayNode edges = data.putObject("deployments").putArray("edges");
        for (int i = 0; i < Math.min(first, deployments.size()); i++) {
          ObjectNode node = edges.addObject().putObject("node");
          node.put("id", deployments.get(i)[0]);
          node.put("status", deployments.get(i)[1]);
          node.put("createdAt", "2026-12-01T20:00:0" + i + "Z");
        }
      }
      case "deploymentLogs" -> {
        int limit = body.path("variables").path("limit").asInt(500);
        ArrayNode logs = data.putArray("deploymentLogs");
        int from = Math.max(0, logLines.size() - limit);
        for (int i = from; i < logLines.size(); i++) {
          logs.addObject()
              .put("message", logLines.get(i))
              .put("timestamp", String.format("2026-12-01T20:00:00.%06dZ", i))
              .put("severity", "info");
        }
      }
      case "deploymentStop" -> {
        String id = body.path("variables").path("id").asText();
        for (int i = 0; i < deployments.size(); i++) {
          if (deployments.get(i)[0].equals(id)) {
            deployments.set(i, new String[] {id, "REMOVED"});
          }
        }
        data.put("deploymentStop", true);
      }
      case "volumeDelete" -> data.put("volumeDelete", true);
      default -> {
        return json(
            200,
            "{\"errors\":[{\"message\":"
                + Json.compact("the stand-in does not know operation '" + operation + "'")
                + "}]}");
      }
    }
    ObjectNode root = Json.mapper().createObjectNode();
    root.set("data", data);
    return json(200, root.toString());
  }

  private static void connection(ObjectNode connection, Map<String, String> byName) {
    ArrayNode edges = connection.putArray("edges");
    byName.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                edges
                    .addObject()
                    .putObject("node")
                    .put("id", e.getValue())
                    .put("name", e.getKey()));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Override
  public void close() {
    server.close();
  }
}
