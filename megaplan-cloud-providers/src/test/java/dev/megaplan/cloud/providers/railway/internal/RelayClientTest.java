package dev.megaplan.cloud.providers.railway.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.json.Json;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay client against a scripted relay on MockWebServer's WebSocket support (loopback): the
 * protocol messages, the headers, and every way a session can end badly.
 */
@Timeout(30)
class RelayClientTest {
  static final String TOKEN = "rw-relay-token-7d6c5b4a3f2e";
  static final RailwayTarget TARGET =
      new RailwayTarget("proj-1", "p", "env-1", "production", "svc-1", "agent", Map.of());

  MockWebServer server;
  OkHttpClient http;
  final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
    http = new OkHttpClient.Builder().build();
  }

  @AfterEach
  void stop() {
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
    server.close();
  }

  RelayClient client() {
    String url = server.url("/relay").toString().replaceFirst("^http", "ws");
    return new RelayClient(
        http,
        url,
        new RailwayAuth("Authorization", "Bearer " + TOKEN, false),
        () -> TARGET,
        Redactor.create(List.of("RAILWAY_API_TOKEN"), Map.of("RAILWAY_API_TOKEN", TOKEN)::get));
  }

  /** A relay that sends welcome, then hands every client message to the script. */
  void relay(BiConsumer<WebSocket, JsonNode> script) {
    server.enqueue(
        new MockResponse.Builder()
            .webSocketUpgrade(
                new WebSocketListener() {
                  @Override
                  public void onOpen(WebSocket socket, Response response) {
                    socket.send("{\"type\":\"welcome\",\"payload\":{\"message\":\"hi\"}}");
                  }

                  @Override
                  public void onClosing(WebSocket socket, int code, String reason) {
                    socket.close(1000, null);
                  }

                  @Override
                  public void onMessage(WebSocket socket, String text) {
                    received.add(text);
                    try {
                      script.accept(socket, Json.mapper().readTree(text));
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }
                })
            .build());
  }

  static String data(String text) {
    return "{\"type\":\"session_data\",\"payload\":{\"data\":" + Json.compact(text) + "}}";
  }

  @Test
  void runsACommandWithTheCliMessagesAndHeaders() throws Exception {
    relay(
        (socket, message) -> {
          if (message.path("type").asText().equals("exec_command")) {
            socket.send(data("hel"));
            socket.send("{\"type\":\"session_data\",\"payload\":{\"data\":{\"data\":[108,111]}}}");
            socket.send("{\"type\":\"command_exit\",\"payload\":{\"code\":3}}");
          }
        });
    RelayExec.Result result =
        client().run(List.of("bash", "-c", "echo hi"), "", Duration.ofSeconds(10));
    assertEquals(3, result.exitCode());
    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), result.output());

    RecordedRequest upgrade = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("/relay", upgrade.getTarget());
    assertEquals("Bearer " + TOKEN, upgrade.getHeaders().get("Authorization"));
    assertEquals("proj-1", upgrade.getHeaders().get("X-Railway-Project-Id"));
    assertEquals("env-1", upgrade.getHeaders().get("X-Railway-Environment-Id"));
    assertEquals("svc-1", upgrade.getHeaders().get("X-Railway-Service-Id"));
    assertFalse(upgrade.getUrl().toString().contains(TOKEN));
    JsonNode exec = Json.mapper().readTree(received.poll(5, TimeUnit.SECONDS));
    assertEquals(
        Json.mapper()
            .readTree(
                "{\"type\":\"exec_command\",\"payload\":{\"command\":\"bash\","
                    + "\"args\":[\"-c\",\"echo hi\"],\"env\":{}}}"),
        exec);
  }

  @Test
  void stdinTravelsAsSessionDataChunksInOrderAfterTheCommand() throws Exception {
    String stdin = "x".repeat(RelayClient.STDIN_CHUNK * 2 + 10);
    StringBuilder got = new StringBuilder();
    relay(
        (socket, message) -> {
          if (message.path("type").asText().equals("session_data")) {
            got.append(message.path("payload").path("data").asText());
            if (got.length() == stdin.length()) {
              socket.send("{\"type\":\"command_exit\",\"payload\":{\"code\":0}}");
            }
          }
        });
    assertEquals(0, client().run(List.of("cat"), stdin, Duration.ofSeconds(10)).exitCode());
    assertEquals(stdin, got.toString());
    assertEquals("exec_command", Json.mapper().readTree(received.take()).path("type").asText());
    assertEquals(4, received.size() + 1);
  }

  @Test
  void aSocketClosedMidCommandIsProviderFailedWithoutHanging() {
    relay(
        (socket, message) -> {
          if (message.path("type").asText().equals("exec_command")) {
            socket.send(data("partial output"));
            socket.close(1011, "relay restarting");
          }
        });
    long start = System.nanoTime();
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> client().run(List.of("sleep", "100"), "", Duration.ofSeconds(20)));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(
        failure.getMessage().contains("closed while the command was running"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("1011"), failure.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
  }

  @Test
  void aSocketCutWithoutACloseFrameIsProviderFailed() {
    relay(
        (socket, message) -> {
          if (message.path("type").asText().equals("exec_command")) {
            socket.cancel();
          }
        });
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> client().run(List.of("sleep", "100"), "", Duration.ofSeconds(20)));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(
        failure.getMessage().contains("while the command was running"), failure.getMessage());
  }

  @Test
  void anErrorMessageIsProviderFailedAndRedacted() {
    relay(
        (socket, message) ->
            socket.send(
                "{\"type\":\"error\",\"payload\":{\"message\":\"no instance for token "
                    + TOKEN
                    + "\"}}"));
    CloudException failure =
        assertThrows(
            CloudException.class, () -> client().run(List.of("true"), "", Duration.ofSeconds(10)));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("no instance for token"), failure.getMessage());
    assertFalse(failure.getMessage().contains(TOKEN));
  }

  @Test
  void malformedJsonIsProviderFailed() {
    relay((socket, message) -> socket.send("this is not json {"));
    CloudException failure =
        assertThrows(
            CloudException.class, () -> client().run(List.of("true"), "", Duration.ofSeconds(10)));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("not a JSON object"), failure.getMessage());
  }

  @Test
  void aCommandThatNeverExitsTimesOut() {
    relay((socket, message) -> {});
    long start = System.nanoTime();
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> client().run(List.of("sleep", "100"), "", Duration.ofMillis(800)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
    assertTrue(took.toMillis() >= 700 && took.toMillis() < 5000, took.toString());
  }

  @Test
  void aRefusedUpgradeWith401IsProviderUnavailable() {
    server.enqueue(new MockResponse.Builder().code(401).body("unauthorized").build());
    CloudException failure =
        assertThrows(
            CloudException.class, () -> client().run(List.of("true"), "", Duration.ofSeconds(10)));
    assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure.code());
  }

  @Test
  void aFirstMessageOtherThanWelcomeIsProviderFailed() {
    server.enqueue(
        new MockResponse.Builder()
            .webSocketUpgrade(
                new WebSocketListener() {
                  @Override
                  public void onOpen(WebSocket socket, Response response) {
                    socket.send("{\"type\":\"session_data\",\"payload\":{\"data\":\"x\"}}");
                  }
                })
            .build());
    CloudException failure =
        assertThrows(
            CloudException.class, () -> client().run(List.of("true"), "", Duration.ofSeconds(10)));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("not 'welcome'"), failure.getMessage());
  }
}
