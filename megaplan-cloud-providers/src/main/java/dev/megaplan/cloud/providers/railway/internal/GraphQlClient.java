package dev.megaplan.cloud.providers.railway.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends GraphQL documents to Railway's public API ({@code POST} of {@code {"query", "variables",
 * "operationName"}} as JSON) and turns every failure into a typed {@link CloudException}:
 *
 * <ul>
 *   <li>HTTP 401/403, or a GraphQL error saying "Not Authorized" → {@code provider_unavailable}
 *       (the token is wrong or lacks access);
 *   <li>HTTP 429 → retried, waiting what {@code Retry-After} says (seconds or an HTTP date) or an
 *       exponential backoff, then {@code provider_failed} "rate limited";
 *   <li>HTTP 5xx and transport errors → retried for operations marked idempotent, else {@code
 *       provider_failed} at once (a deploy must not be triggered twice);
 *   <li>a body that is not JSON, or has no {@code data} → {@code provider_failed};
 *   <li>a GraphQL {@code errors} array → {@code provider_failed} with the messages.
 * </ul>
 *
 * <p>Every message that reaches an exception is redacted first (the token and the configured secret
 * values never appear). Variables travel only in the request body; the URL is the endpoint as
 * configured. Waits go through an injected {@link Sleeper}.
 */
public final class GraphQlClient {
  /** How many times a request is sent at most. */
  public static final int MAX_ATTEMPTS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(GraphQlClient.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);
  private static final int MESSAGE_PREVIEW = 300;

  private final OkHttpClient http;
  private final HttpUrl endpoint;
  private final RailwayAuth auth;
  private final Redactor redactor;
  private final Sleeper sleeper;
  private final Clock clock;

  /**
   * Creates the client.
   *
   * @param http the HTTP client (its timeouts bound every call)
   * @param endpoint the GraphQL endpoint
   * @param auth the credential header
   * @param redactor redacts the token and the secrets out of error messages
   * @param sleeper waits between retries
   * @param clock reads "now" for HTTP-date {@code Retry-After} values
   */
  public GraphQlClient(
      OkHttpClient http,
      HttpUrl endpoint,
      RailwayAuth auth,
      Redactor redactor,
      Sleeper sleeper,
      Clock clock) {
    this.http = http;
    this.endpoint = endpoint;
    this.auth = auth;
    this.redactor = redactor;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * Runs one operation and returns its {@code data}.
   *
   * @param operation the operation's name (as in the document)
   * @param document the GraphQL document
   * @param variables the variables (secret values only ever go here)
   * @param idempotent whether a 5xx or transport failure may be retried
   * @return the {@code data} object
   */
  public JsonNode execute(
      String operation, String document, Map<String, ?> variables, boolean idempotent) {
    byte[] body = body(operation, document, variables);
    List<String> seen = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      Request request =
          new Request.Builder()
              .url(endpoint)
              .header(auth.header(), auth.value())
              .header("Accept", "application/json")
              .header("User-Agent", "megaplan-cloud")
              .post(RequestBody.create(body, JSON))
              .build();
      LOG.debug("railway api: {} (attempt {})", operation, attempt);
      Duration wait;
      try (Response response = http.newCall(request).execute()) {
        int code = response.code();
        if (code == 401 || code == 403) {
          throw unauthorized(operation, "HTTP " + code);
        }
        if (code == 429) {
          seen.add("HTTP 429");
          wait = retryAfter(response.header("Retry-After"), attempt);
          if (attempt >= MAX_ATTEMPTS) {
            throw failure(
                operation,
                "Railway is rate limiting requests (HTTP 429 after "
                    + attempt
                    + " attempts); wait a minute and try again",
                seen);
          }
        } else if (code >= 500) {
          seen.add("HTTP " + code);
          if (!idempotent || attempt >= MAX_ATTEMPTS) {
            throw failure(
                operation,
                "Railway's API answered HTTP " + code + " (" + preview(response) + ")",
                seen);
          }
          wait = retryAfter(response.header("Retry-After"), attempt);
        } else {
          return data(operation, code, response.body());
        }
      } catch (IOException e) {
        seen.add(e.getClass().getSimpleName());
        if (!idempotent || attempt >= MAX_ATTEMPTS) {
          throw failure(
              operation,
              "Could not reach Railway's API at " + endpoint + ": " + e.getMessage(),
              seen,
              e);
        }
        wait = backoff(attempt);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure(operation, "Interrupted while waiting to retry", seen, e);
      }
    }
  }

  private JsonNode data(String operation, int code, ResponseBody responseBody) throws IOException {
    String text = responseBody.string();
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw failure(
          operation,
          "Railway's API answered HTTP " + code + " with something that is not JSON: " + cut(text),
          List.of());
    }
    if (root == null || !root.isObject()) {
      throw failure(
          operation,
          "Railway's API answered HTTP " + code + " with JSON that is not an object: " + cut(text),
          List.of());
    }
    JsonNode errors = root.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      List<String> messages = new ArrayList<>();
      for (JsonNode error : errors) {
        messages.add(error.path("message").asText(error.toString()));
      }
      String joined = String.join("; ", messages);
      if (joined.toLowerCase(java.util.Locale.ROOT).contains("not authorized")) {
        throw unauthorized(operation, joined);
      }
      throw failure(operation, "Railway's API refused " + operation + ": " + joined, List.of())
          .withContext("graphql_errors", redactList(messages));
    }
    if (code >= 400) {
      throw failure(operation, "Railway's API answered HTTP " + code + ": " + cut(text), List.of());
    }
    JsonNode data = root.path("data");
    if (!data.isObject()) {
      throw failure(
          operation, "Railway's API answered without a data object: " + cut(text), List.of());
    }
    return data;
  }

  private byte[] body(String operation, String document, Map<String, ?> variables) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("query", document);
    root.set("variables", Json.mapper().valueToTree(variables));
    root.put("operationName", operation);
    try {
      return Json.mapper().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode GraphQL variables", e);
    }
  }

  /** The wait before the next attempt: {@code Retry-After} when usable, else the backoff. */
  Duration retryAfter(String header, int attempt) {
    if (header != null && !header.isBlank()) {
      String value = header.strip();
      try {
        return cap(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          Duration until = Duration.between(clock.instant(), at);
          return cap(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException notADate) {
          // fall through to the backoff
        }
      }
    }
    return backoff(attempt);
  }

  private static Duration backoff(int attempt) {
    return cap(FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 6)));
  }

  private static Duration cap(Duration wait) {
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  private CloudException unauthorized(String operation, String detail) {
    return new CloudException(
        ErrorCode.PROVIDER_UNAVAILABLE,
        redactor.redact(
            "Railway rejected the token ("
                + detail
                + ") for "
                + operation
                + ": check RAILWAY_API_TOKEN / RAILWAY_TOKEN and that the token can access this"
                + " project"),
        Map.of("operation", operation));
  }

  private CloudException failure(String operation, String message, List<String> attempts) {
    return failure(operation, message, attempts, null);
  }

  private CloudException failure(
      String operation, String message, List<String> attempts, Throwable cause) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("operation", operation);
    if (!attempts.isEmpty()) {
      context.put("attempts", List.copyOf(attempts));
    }
    // The cause's own message could carry anything; keep only its type.
    return new CloudException(
        ErrorCode.PROVIDER_FAILED,
        redactor.redact(message),
        context,
        cause == null ? null : new IOException(cause.getClass().getName()));
  }

  private List<String> redactList(List<String> messages) {
    List<String> out = new ArrayList<>();
    for (String message : messages) {
      out.add(redactor.redact(message));
    }
    return out;
  }

  private static String preview(Response response) {
    try {
      ResponseBody body = response.body();
      return cut(body.string());
    } catch (IOException e) {
      return "no body";
    }
  }

  private static String cut(String text) {
    String oneLine = text.strip().replace('\n', ' ');
    return oneLine.length() <= MESSAGE_PREVIEW
        ? oneLine
        : oneLine.substring(0, MESSAGE_PREVIEW) + "…";
  }
}
