package dev.megaplan.cloud.providers.railway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The GraphQL client against OkHttp's MockWebServer on loopback: a stand-in for Railway's API. */
@Timeout(30)
class GraphQlClientTest {
  static final String TOKEN = "rw-account-token-5f0c1d2e3a4b";
  static final String SECRET = "sk-planted-secret-value-9a8b7c";

  MockWebServer server;
  final List<Duration> slept = new ArrayList<>();
  GraphQlClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    client = client(new RailwayAuth("Authorization", "Bearer " + TOKEN, false));
  }

  GraphQlClient client(RailwayAuth auth) {
    Redactor redactor =
        Redactor.create(
            List.of("RAILWAY_API_TOKEN", "OPENAI_API_KEY"),
            Map.of("RAILWAY_API_TOKEN", TOKEN, "OPENAI_API_KEY", SECRET)::get);
    return new GraphQlClient(
        new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build(),
        server.url("/graphql/v2"),
        auth,
        redactor,
        slept::add,
        Clock.fixed(Instant.parse("2026-12-01T20:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertTrue(request != null, "no request arrived");
    return request;
  }

  @Test
  void postsTheDocumentVariablesAndOperationNameWithTheTokenOnlyInItsHeader() throws Exception {
    server.enqueue(json(200, "{\"data\":{\"ok\":true}}"));
    JsonNode data =
        client.execute("probe", "query probe($id: String!) { x }", Map.of("id", "p1"), true);
    assertTrue(data.path("ok").asBoolean());
    RecordedRequest request = take();
    assertEquals("POST", request.getMethod());
    assertEquals("/graphql/v2", request.getTarget());
    assertEquals("Bearer " + TOKEN, request.getHeaders().get("Authorization"));
    assertNull(request.getHeaders().get("Project-Access-Token"));
    assertFalse(request.getUrl().toString().contains(TOKEN));
    JsonNode body = Json.mapper().readTree(request.getBody().utf8());
    assertEquals("query probe($id: String!) { x }", body.path("query").asText());
    assertEquals("probe", body.path("operationName").asText());
    assertEquals(Map.of("id", "p1"), Json.mapper().convertValue(body.path("variables"), Map.class));
  }

  @Test
  void aProjectTokenTravelsAsProjectAccessToken() throws Exception {
    client =
        client(RailwayAuth.find(Map.of("RAILWAY_TOKEN", "proj-tok-123456")::get).orElseThrow());
    server.enqueue(json(200, "{\"data\":{}}"));
    client.execute("probe", "query probe { x }", Map.of(), true);
    RecordedRequest request = take();
    assertEquals("proj-tok-123456", request.getHeaders().get("Project-Access-Token"));
    assertNull(request.getHeaders().get("Authorization"));
  }

  @Test
  void rateLimitingIsRetriedHonouringRetryAfterInSecondsAndAsADate() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "7")
            .body("slow down")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "Tue, 01 Dec 2026 20:00:03 GMT")
            .build());
    server.enqueue(json(200, "{\"data\":{\"n\":1}}"));
    JsonNode data = client.execute("probe", "query probe { n }", Map.of(), false);
    assertEquals(1, data.path("n").asInt());
    assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(3)), slept);
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void rateLimitingThatNeverEndsIsProviderFailedAfterTheLastAttempt() {
    for (int i = 0; i < GraphQlClient.MAX_ATTEMPTS; i++) {
      server.enqueue(new MockResponse.Builder().code(429).build());
    }
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> client.execute("probe", "query probe { n }", Map.of(), true));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("rate limiting"), failure.getMessage());
    assertEquals(GraphQlClient.MAX_ATTEMPTS, server.getRequestCount());
    assertEquals(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), slept);
  }

  @Test
  void serverErrorsAreRetriedForIdempotentOperationsOnly() {
    server.enqueue(json(502, "bad gateway"));
    server.enqueue(json(200, "{\"data\":{\"n\":2}}"));
    assertEquals(2, client.execute("probe", "query probe { n }", Map.of(), true).path("n").asInt());
    assertEquals(2, server.getRequestCount());

    server.enqueue(json(503, "unavailable"));
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> client.execute("deploy", "mutation deploy { d }", Map.of(), false));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("HTTP 503"), failure.getMessage());
    assertEquals(3, server.getRequestCount(), "a deploy is never sent twice");
  }

  @Test
  void anAuthFailureIsProviderUnavailableAndNeverShowsTheToken() {
    server.enqueue(json(401, "{\"error\":\"bad token " + TOKEN + "\"}"));
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> client.execute("probe", "query probe { n }", Map.of(), true));
    assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure.code());
    assertTrue(failure.getMessage().contains("RAILWAY_API_TOKEN"), failure.getMessage());
    assertFalse(failure.toString().contains(TOKEN));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void graphQlNotAuthorizedIsAnAuthFailureToo() {
    server.enqueue(json(200, "{\"errors\":[{\"message\":\"Not Authorized\"}],\"data\":null}"));
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> client.execute("probe", "query probe { n }", Map.of(), true));
    assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure.code());
  }

  @Test
  void aGraphQlErrorsArrayIsSurfacedRedacted() {
    server.enqueue(
        json(
            200,
            "{\"errors\":[{\"message\":\"Invalid value "
                + SECRET
                + " for variable\"},{\"message\":\"second\"}],\"data\":null}"));
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> client.execute("upsert", "mutation upsert { u }", Map.of("v", SECRET), true));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("Invalid value"), failure.getMessage());
    assertTrue(failure.getMessage().contains("second"), failure.getMessage());
    assertTrue(failure.getMessage().contains(Redactor.REPLACEMENT), failure.getMessage());
    assertFalse(failure.toString().contains(SECRET));
    assertFalse(failure.context().toString().contains(SECRET));
  }

  @Test
  void malformedJsonIsProviderFailed() {
    server.enqueue(json(200, "<html>gateway</html>"));
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> client.execute("probe", "query probe { n }", Map.of(), true));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("not JSON"), failure.getMessage());
  }

  @Test
  void anAnswerWithoutDataIsProviderFailed() {
    server.enqueue(json(200, "{\"nothing\":1}"));
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> client.execute("probe", "query probe { n }", Map.of(), true));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("without a data object"), failure.getMessage());
  }

  @Test
  void anUnreachableApiIsProviderFailedAfterRetries() throws Exception {
    server.close();
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> client.execute("probe", "query probe { n }", Map.of(), true));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("Could not reach"), failure.getMessage());
    assertEquals(GraphQlClient.MAX_ATTEMPTS - 1, slept.size());
  }
}
