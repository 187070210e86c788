package dev.megaplan.cloud.testkit.kubernetes;

import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The server half of one pod exec over {@code v4.channel.k8s.io}, as the kubelet streams it: every
 * frame is binary, its first byte the channel. The client writes channel 0 (stdin) and 4 (terminal
 * size); the server writes 1 (stdout), 2 (stderr) and, once the command ended, 3: a {@code Status}
 * object, {@code Success} or {@code Failure} with reason {@code NonZeroExitCode} and the exit code
 * in a cause of reason {@code ExitCode}. Then the server closes the socket.
 *
 * <p>The command runs as a real process in the pod's root on this machine. Without {@code stdin} it
 * reads {@code /dev/null}; with {@code tty} it runs under {@code script}, so it has a real
 * pseudo-terminal and its stderr arrives on stdout, as with a terminal. A client that closes the
 * socket ends the process.
 */
final class PodExecSession extends WebSocketListener {
  private static final byte STDIN = 0;
  private static final byte STDOUT = 1;
  private static final byte STDERR = 2;
  private static final byte STATUS = 3;

  private final KubernetesStandIn.Exec exec;
  private final Path root;
  private final Map<String, String> environment;
  private final boolean dropAfterOutput;
  private final Consumer<Process> started;
  private volatile Process process;
  private volatile boolean dropped;

  PodExecSession(
      KubernetesStandIn.Exec exec,
      Path root,
      Map<String, String> environment,
      boolean dropAfterOutput,
      Consumer<Process> started) {
    this.exec = exec;
    this.root = root;
    this.environment = environment;
    this.dropAfterOutput = dropAfterOutput;
    this.started = started;
  }

  @Override
  public void onOpen(WebSocket socket, Response response) {
    List<String> argv = new ArrayList<>(exec.command());
    if (exec.tty()) {
      argv = List.of("script", "-qfec", ShellQuote.join(argv), "/dev/null");
    }
    ProcessBuilder builder = new ProcessBuilder(argv).directory(root.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    if (!exec.stdin()) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    if (exec.tty()) {
      builder.redirectErrorStream(true);
    }
    Process running;
    try {
      running = builder.start();
    } catch (IOException e) {
      send(socket, STDERR, ("exec: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
      send(socket, STATUS, KubernetesStandIn.exitStatus(126).getBytes(StandardCharsets.UTF_8));
      socket.close(1000, "");
      return;
    }
    process = running;
    started.accept(running);
    Thread out = pump(socket, running.getInputStream(), STDOUT);
    Thread err = exec.tty() ? null : pump(socket, running.getErrorStream(), STDERR);
    Thread waiter =
        new Thread(
            () -> {
              try {
                out.join();
                if (err != null) {
                  err.join();
                }
                int code = running.waitFor();
                if (!dropped) {
                  send(
                      socket,
                      STATUS,
                      KubernetesStandIn.exitStatus(code).getBytes(StandardCharsets.UTF_8));
                  socket.close(1000, "");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "pod-exec-wait");
    waiter.setDaemon(true);
    waiter.start();
  }

  private Thread pump(WebSocket socket, InputStream stream, byte channel) {
    Thread pump =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (stream) {
                int n;
                while ((n = stream.read(buffer)) > 0) {
                  byte[] frame = new byte[n];
                  System.arraycopy(buffer, 0, frame, 0, n);
                  send(socket, channel, frame);
                  if (dropAfterOutput) {
                    drop(socket);
                    return;
                  }
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            "pod-exec-" + channel);
    pump.setDaemon(true);
    pump.start();
    return pump;
  }

  private void drop(WebSocket socket) {
    dropped = true;
    socket.close(1011, "stand-in dropped the stream");
    stop();
  }

  @Override
  public void onMessage(WebSocket socket, byte[] bytes) {
    if (bytes.length == 0 || bytes[0] != STDIN) {
      return;
    }
    Process running = process;
    if (running == null || !exec.stdin()) {
      return;
    }
    try {
      OutputStream stdin = running.getOutputStream();
      stdin.write(bytes, 1, bytes.length - 1);
      stdin.flush();
    } catch (IOException e) {
      // the command no longer reads stdin
    }
  }

  @Override
  public void onMessage(WebSocket socket, ByteString bytes) {
    onMessage(socket, bytes.toByteArray());
  }

  @Override
  public void onClosing(WebSocket socket, int code, String reason) {
    stop();
  }

  @Override
  public void onClosed(WebSocket socket, int code, String reason) {
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

  private static void send(WebSocket socket, byte channel, byte[] data) {
    byte[] frame = new byte[data.length + 1];
    frame[0] = channel;
    System.arraycopy(data, 0, frame, 1, data.length);
    socket.send(frame);
  }
}
