package dev.megaplan.cloud.testkit.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.megaplan.cloud.core.internal.json.Json;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A stand-in of Railway's SSH relay on MockWebServer's WebSocket support (loopback), speaking the
 * protocol of the {@code railway} CLI's source: it sends {@code welcome}, takes one {@code
 * exec_command} ({@code command}, {@code args}), runs it as a real process on this machine with the
 * given environment and working directory, writes client {@code session_data} to its stdin, streams
 * its stdout and stderr merged as {@code session_data} text, and ends with {@code command_exit}
 * ({@code code}). With {@link #pseudoTerminal} the process runs under {@code script}, so it has a
 * real pseudo-terminal as its stdin and stdout (echo, CR/LF translation), as a relay with a PTY
 * would. {@link #dropAfterExec} closes the socket mid-command, as a relay restart would.
 */
public final class RailwayRelayStandIn implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final List<Map<String, String>> upgrades = new CopyOnWriteArrayList<>();
  private final List<Process> processes = new CopyOnWriteArrayList<>();
  private final AtomicInteger execs = new AtomicInteger();
  private volatile boolean pseudoTerminal;
  private volatile boolean dropAfterExec;

  private RailwayRelayStandIn(Map<String, String> environment, Path workingDirectory) {
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory;
  }

  /**
   * Starts the stand-in on a loopback port.
   *
   * @param environment the complete environment of every command
   * @param workingDirectory where every command runs
   * @return the running stand-in
   */
  public static RailwayRelayStandIn start(Map<String, String> environment, Path workingDirectory) {
    RailwayRelayStandIn standIn = new RailwayRelayStandIn(environment, workingDirectory);
    standIn.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : request.getHeaders().names()) {
              headers.put(name.toLowerCase(java.util.Locale.ROOT), request.getHeaders().get(name));
            }
            standIn.upgrades.add(headers);
            return new MockResponse.Builder().webSocketUpgrade(standIn.new Session()).build();
          }
        });
    try {
      standIn.server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the Railway relay stand-in", e);
    }
    return standIn;
  }

  /**
   * The relay URL to put in {@code RAILWAY_RELAY_URL}.
   *
   * @return {@code ws://127.0.0.1:PORT/relay}
   */
  public String url() {
    return server.url("/relay").toString().replaceFirst("^http", "ws");
  }

  /**
   * Runs later commands under a real pseudo-terminal ({@code script -qfec}).
   *
   * @param on whether to
   * @return this stand-in
   */
  public RailwayRelayStandIn pseudoTerminal(boolean on) {
    this.pseudoTerminal = on;
    return this;
  }

  /**
   * Closes later sessions right after their command started, with some output sent.
   *
   * @param on whether to
   * @return this stand-in
   */
  public RailwayRelayStandIn dropAfterExec(boolean on) {
    this.dropAfterExec = on;
    return this;
  }

  /**
   * The headers of every WebSocket upgrade so far (names lower case).
   *
   * @return the headers, in order
   */
  public List<Map<String, String>> upgrades() {
    return List.copyOf(upgrades);
  }

  /**
   * How many commands ran.
   *
   * @return the count
   */
  public int execs() {
    return execs.get();
  }

  @Override
  public void close() {
    for (Process process : processes) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    server.close();
  }

  /** One WebSocket session: one command. */
  private final class Session extends WebSocketListener {
    private volatile Process process;

    @Override
    public void onOpen(WebSocket socket, Response response) {
      socket.send(message("welcome", Map.of("message", "railway relay stand-in")));
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      JsonNode message;
      try {
        message = Json.mapper().readTree(text);
      } catch (IOException e) {
        socket.send(message("error", Map.of("message", "bad message")));
        return;
      }
      String type = message.path("type").asText("");
      JsonNode payload = message.path("payload");
      if (type.equals("exec_command") && process == null) {
        start(socket, payload);
      } else if (type.equals("session_data") && process != null) {
        try {
          OutputStream stdin = process.getOutputStream();
          stdin.write(payload.path("data").asText("").getBytes(StandardCharsets.UTF_8));
          stdin.flush();
        } catch (IOException e) {
          // the command no longer reads stdin, as with a real relay
        }
      }
    }

    private void start(WebSocket socket, JsonNode payload) {
      List<String> argv = new ArrayList<>();
      argv.add(payload.path("command").asText());
      for (JsonNode arg : payload.path("args")) {
        argv.add(arg.asText());
      }
      if (pseudoTerminal) {
        argv =
            List.of(
                "script",
                "-qfec",
                dev.megaplan.cloud.core.internal.shell.ShellQuote.join(argv),
                "/dev/null");
      }
      ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
      builder.environment().clear();
      builder.environment().putAll(environment);
      builder.directory(workingDirectory.toFile());
      try {
        process = builder.start();
      } catch (IOException e) {
        socket.send(message("error", Map.of("message", "cannot start: " + e.getMessage())));
        return;
      }
      processes.add(process);
      execs.incrementAndGet();
      Process running = process;
      Thread pump =
          new Thread(
              () -> {
                try (Reader out =
                    new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8)) {
                  char[] buffer = new char[8192];
                  int n;
                  boolean dropped = false;
                  while ((n = out.read(buffer)) > 0) {
                    socket.send(message("session_data", Map.of("data", new String(buffer, 0, n))));
                    if (dropAfterExec) {
                      socket.close(1011, "stand-in dropped the session");
                      dropped = true;
                      break;
                    }
                  }
                  if (dropped) {
                    running.descendants().forEach(ProcessHandle::destroyForcibly);
                    running.destroyForcibly();
                    return;
                  }
                  int code = running.waitFor();
                  socket.send(message("command_exit", Map.of("code", code)));
                } catch (IOException | InterruptedException e) {
                  socket.cancel();
                }
              },
              "railway-relay-stand-in");
      pump.setDaemon(true);
      pump.start();
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
      socket.close(1000, null);
      stop();
    }

    @Override
    public void onFailure(WebSocket socket, Throwable t, Response response) {
      stop();
    }

    private void stop() {
      Process running = process;
      if (running != null && running.isAlive()) {
        running.descendants().forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
      }
    }
  }

  private static String message(String type, Map<String, ?> payload) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("type", type);
    root.set("payload", Json.mapper().valueToTree(payload));
    return root.toString();
  }
}
