package dev.megaplan.cloud.providers.railway.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Railway's SSH relay over an OkHttp WebSocket, as the {@code railway} CLI speaks it ({@code
 * src/controllers/terminal/} of railwayapp/cli; verified there): connect to {@code
 * wss://backboard.railway.com/relay} with the token header and {@code X-Railway-Project-Id}, {@code
 * X-Railway-Service-Id}, {@code X-Railway-Environment-Id}; wait for a {@code welcome} message; send
 * {@code {"type":"exec_command","payload":{"command","args","env"}}}; receive {@code session_data}
 * messages (payload {@code data}: a string, or {@code {"data":[bytes]}}) until {@code command_exit}
 * (payload {@code code}); an {@code error} message (payload {@code message}) fails the run.
 *
 * <p>Assumptions, not verified against a real relay: the relay merges stdout and stderr into one
 * {@code session_data} stream (the CLI prints all of it to its stdout), and {@code session_data}
 * sent by the client after {@code exec_command} reaches the command's stdin (the CLI allows sending
 * it then, but uses it only for interactive shells). {@link RailwayShell} is written so that a
 * pseudo-terminal between the relay and the command changes nothing.
 *
 * <p>One connection per command, as the CLI does. Every wait is bounded by the call's deadline; a
 * socket that closes or fails before {@code command_exit} is {@code provider_failed}, never a hang.
 */
public final class RelayClient implements RelayExec {
  /** The size of one {@code session_data} message of stdin. */
  static final int STDIN_CHUNK = 64 * 1024;

  private final OkHttpClient http;
  private final String url;
  private final RailwayAuth auth;
  private final Supplier<RailwayTarget> target;
  private final Redactor redactor;

  /**
   * Creates the client.
   *
   * @param http the HTTP client
   * @param url the relay URL ({@code ws://} or {@code wss://})
   * @param auth the credential header
   * @param target the project, environment and service, resolved on first use
   * @param redactor redacts relay error messages
   */
  public RelayClient(
      OkHttpClient http,
      String url,
      RailwayAuth auth,
      Supplier<RailwayTarget> target,
      Redactor redactor) {
    this.http = http;
    this.url = url;
    this.auth = auth;
    this.target = target;
    this.redactor = redactor;
  }

  @Override
  public boolean feedsStdin() {
    return true;
  }

  @Override
  public String describe() {
    return "Railway's SSH relay";
  }

  @Override
  public Result run(List<String> argv, String stdin, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RailwayTarget where = target.get();
    Request request =
        new Request.Builder()
            .url(url)
            .header(auth.header(), auth.value())
            .header("X-Source", "megaplan-cloud")
            .header("X-Railway-Project-Id", where.projectId())
            .header("X-Railway-Service-Id", where.serviceId())
            .header("X-Railway-Environment-Id", where.environmentId())
            .build();
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    WebSocket socket = http.newWebSocket(request, new Listener(events));
    boolean finished = false;
    try {
      awaitWelcome(events, deadline, timeout);
      send(socket, execCommand(argv));
      for (int at = 0; at < stdin.length(); at += STDIN_CHUNK) {
        send(socket, sessionData(stdin.substring(at, Math.min(stdin.length(), at + STDIN_CHUNK))));
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      while (true) {
        Event event = next(events, deadline, timeout, "the command to finish");
        if (event instanceof Event.Text text) {
          JsonNode message = parse(text.text());
          String type = message.path("type").asText("");
          JsonNode payload = message.path("payload");
          switch (type) {
            case "session_data" -> appendData(payload.path("data"), output);
            case "command_exit" -> {
              if (payload.path("code").isNumber()) {
                finished = true;
                return new Result(payload.path("code").asInt(), output.toByteArray());
              }
            }
            case "error" ->
                throw failed(
                    "the relay reported an error: "
                        + redactor.redact(payload.path("message").asText("")));
            case "pty_closed" ->
                throw failed(
                    "the relay closed the terminal before the command reported its exit status");
            default -> {
              // welcome again, pings, unknown types: ignored, as the CLI does
            }
          }
        } else {
          throw closed(event, "while the command was running");
        }
      }
    } finally {
      if (finished) {
        socket.close(1000, "done");
      } else {
        socket.cancel();
      }
    }
  }

  private void awaitWelcome(BlockingQueue<Event> events, long deadline, Duration timeout) {
    while (true) {
      Event event = next(events, deadline, timeout, "the relay's welcome");
      if (event instanceof Event.Opened) {
        continue;
      }
      if (event instanceof Event.Text text) {
        JsonNode message = parse(text.text());
        String type = message.path("type").asText("");
        if (type.equals("welcome")) {
          return;
        }
        if (type.equals("error")) {
          throw failed(
              "the relay refused the session: "
                  + redactor.redact(message.path("payload").path("message").asText("")));
        }
        throw failed("the relay's first message was '" + type + "', not 'welcome'");
      }
      throw closed(event, "before its welcome");
    }
  }

  private Event next(BlockingQueue<Event> events, long deadline, Duration timeout, String what) {
    long left = deadline - System.nanoTime();
    Event event = null;
    try {
      if (left > 0) {
        event = events.poll(left, TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("interrupted while waiting for " + what);
    }
    if (event == null) {
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("timeout_ms", timeout.toMillis());
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Command on Railway timed out after "
              + timeout.toMillis()
              + " ms waiting for "
              + what
              + " ("
              + describe()
              + ")",
          context);
    }
    return event;
  }

  private static void send(WebSocket socket, String message) {
    if (!socket.send(message)) {
      throw failed("the relay connection closed before a message could be sent");
    }
  }

  private static String execCommand(List<String> argv) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("type", "exec_command");
    ObjectNode payload = root.putObject("payload");
    payload.put("command", argv.get(0));
    payload.set("args", Json.mapper().valueToTree(argv.subList(1, argv.size())));
    payload.putObject("env");
    return root.toString();
  }

  private static String sessionData(String data) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("type", "session_data");
    root.putObject("payload").put("data", data);
    return root.toString();
  }

  private static void appendData(JsonNode data, ByteArrayOutputStream output) {
    if (data.isTextual()) {
      output.writeBytes(data.asText().getBytes(StandardCharsets.UTF_8));
    } else if (data.path("data").isArray()) {
      for (JsonNode b : data.path("data")) {
        output.write(b.asInt());
      }
    }
  }

  private JsonNode parse(String text) {
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    String preview = text.length() > 120 ? text.substring(0, 120) + "…" : text;
    throw failed("the relay sent a message that is not a JSON object: " + redactor.redact(preview));
  }

  private CloudException closed(Event event, String when) {
    if (event instanceof Event.Closed c) {
      return failed(
          "the relay connection closed "
              + when
              + " (code "
              + c.code()
              + (c.reason().isEmpty() ? "" : ": " + redactor.redact(c.reason()))
              + ")");
    }
    if (event instanceof Event.Failed f) {
      String status = f.status() > 0 ? " (HTTP " + f.status() + ")" : "";
      String why =
          f.error().getMessage() == null
              ? f.error().getClass().getSimpleName()
              : f.error().getMessage();
      if (f.status() == 401 || f.status() == 403) {
        return new CloudException(
            ErrorCode.PROVIDER_UNAVAILABLE,
            "Railway's SSH relay rejected the token"
                + status
                + ": check RAILWAY_API_TOKEN / RAILWAY_TOKEN");
      }
      return failed("the relay connection failed " + when + status + ": " + redactor.redact(why));
    }
    return failed("the relay connection ended " + when);
  }

  private static CloudException failed(String why) {
    return new CloudException(ErrorCode.PROVIDER_FAILED, "Railway remote command failed: " + why);
  }

  /** What the listener saw, in order. */
  sealed interface Event {
    /** The upgrade succeeded. */
    record Opened() implements Event {}

    /** A text message. */
    record Text(String text) implements Event {}

    /** The server closed the socket. */
    record Closed(int code, String reason) implements Event {}

    /** The socket failed (or the upgrade was refused). */
    record Failed(Throwable error, int status) implements Event {}
  }

  private static final class Listener extends WebSocketListener {
    private final BlockingQueue<Event> events;

    Listener(BlockingQueue<Event> events) {
      this.events = events;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      events.add(new Event.Opened());
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      events.add(new Event.Text(text));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      events.add(new Event.Closed(code, reason));
      webSocket.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      events.add(new Event.Closed(code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      events.add(new Event.Failed(t, response == null ? 0 : response.code()));
    }
  }
}
