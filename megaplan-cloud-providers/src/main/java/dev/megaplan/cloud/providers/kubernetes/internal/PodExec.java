package dev.megaplan.cloud.providers.kubernetes.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.providers.internal.container.CommandTransport;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecListener;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.TtyExecOutputErrorable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link CommandTransport} of execs into the runner pod's container through the Kubernetes API
 * (fabric8's exec: a WebSocket speaking {@code v4.channel.k8s.io}): stdout and stderr arrive on
 * their own channels, the exit code in the status message of channel 3. Stdin is attached only when
 * there are bytes to send; otherwise the command reads nothing (the kubelet gives it no stdin), so
 * a command that reads stdin ends instead of hanging.
 *
 * <p>A command too long for a request line (an upload batch's script, the {@code bash -lc} text)
 * travels on stdin ahead of the command's own stdin and is read back with {@code dd}.
 *
 * <p>Every exec is bounded twice: locally (the call's timeout, then the socket is closed and {@code
 * provider_failed} "timed out" thrown) and in the pod, where {@code timeout(1)} stops the command
 * shortly after, since closing an exec stream does not end the process on every runtime. A stream
 * that closes without an exit status is {@code provider_failed}.
 */
public final class PodExec implements CommandTransport {
  /**
   * Runs the command under {@code timeout} when the image has it: {@code $0} is the limit in
   * seconds, the rest the command. Values travel as words, never as script text.
   */
  static final String BOUNDED =
      "if command -v timeout >/dev/null 2>&1; then exec timeout -k 5 \"$0\" \"$@\"; fi;"
          + " exec \"$@\"";

  /**
   * The longest command, URL-encoded, that travels in the exec request's query; a longer script (an
   * upload batch) travels on stdin instead, since proxies in front of API servers refuse long
   * request lines.
   */
  static final int MAX_QUERY = 2048;

  /**
   * Reads {@code $0} bytes of stdin (the script), then runs them; the rest of stdin stays for the
   * script. {@code dd} with {@code count_bytes} never reads past the script's last byte.
   */
  static final String LOADER_WITH_STDIN =
      "s=$(dd bs=65536 count=\"$0\" iflag=count_bytes,fullblock status=none) || exit 125;"
          + " eval \"$s\"";

  /** As {@link #LOADER_WITH_STDIN}, for a command that gets no stdin of its own. */
  static final String LOADER = LOADER_WITH_STDIN + " </dev/null";

  private static final Duration REMOTE_GRACE = Duration.ofSeconds(2);

  private final KubernetesClient client;
  private final RunnerTarget target;
  private final PodGate gate;

  /**
   * Creates the transport.
   *
   * @param client the API client
   * @param target the runner pod
   * @param gate checks the pod is Ready
   */
  public PodExec(KubernetesClient client, RunnerTarget target, PodGate gate) {
    this.client = client;
    this.target = target;
    this.gate = gate;
  }

  @Override
  public ExecResult run(List<String> argv, byte[] stdin, Duration timeout) {
    gate.requireReady();
    if (queryLength(argv) > MAX_QUERY && argv.size() >= 3) {
      byte[] script = argv.get(argv.size() - 1).getBytes(StandardCharsets.UTF_8);
      List<String> loader = new ArrayList<>(argv.subList(0, argv.size() - 1));
      loader.add(stdin.length > 0 ? LOADER_WITH_STDIN : LOADER);
      loader.add(Integer.toString(script.length));
      byte[] joined = new byte[script.length + stdin.length];
      System.arraycopy(script, 0, joined, 0, script.length);
      System.arraycopy(stdin, 0, joined, script.length, stdin.length);
      return exec(loader, joined, timeout);
    }
    return exec(argv, stdin, timeout);
  }

  private static int queryLength(List<String> argv) {
    int length = 0;
    for (String word : argv) {
      length += "&command=".length() + URLEncoder.encode(word, StandardCharsets.UTF_8).length();
    }
    return length;
  }

  // readingInput is deprecated in favour of redirectingInput and writing to ExecWatch#getInput();
  // over that path an upload of 256 KiB was killed mid-stream on the API stand-in (exit 137), while
  // fabric8's own pump of an InputStream delivers it intact, so the pump stays until that is
  // understood.
  @SuppressWarnings("deprecation")
  private ExecResult exec(List<String> argv, byte[] stdin, Duration timeout) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicReference<Status> status = new AtomicReference<>();
    ContainerResource container =
        client
            .pods()
            .inNamespace(target.namespace())
            .withName(target.pod())
            .inContainer(RunnerTarget.CONTAINER);
    TtyExecOutputErrorable streams =
        stdin.length > 0 ? container.readingInput(new ByteArrayInputStream(stdin)) : container;
    ExecWatch watch;
    try {
      watch =
          streams
              .writingOutput(out)
              .writingError(err)
              .usingListener(new StatusListener(status))
              .exec(bounded(argv, timeout).toArray(String[]::new));
    } catch (KubernetesClientException e) {
      throw gate.execRefused(e);
    }
    try {
      Integer code = watch.exitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (code == null) {
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED,
            "The exec stream to "
                + target.describe()
                + " closed before the command finished (no exit status); it may still be"
                + " running in the pod",
            Map.of("namespace", target.namespace(), "pod", target.pod()));
      }
      if (code < 0) {
        Status answer = status.get();
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED,
            "The exec in "
                + target.describe()
                + " failed: "
                + (answer == null || answer.getMessage() == null
                    ? "no exit code in the status"
                    : answer.getMessage()),
            Map.of("namespace", target.namespace(), "pod", target.pod()));
      }
      // fabric8 completes the exit code only after every output frame was written.
      return ExecResult.of(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "The exec in " + target.describe() + " timed out after " + seconds(timeout),
          Map.of("namespace", target.namespace(), "pod", target.pod()));
    } catch (ExecutionException e) {
      gate.forget();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "The exec stream to "
              + target.describe()
              + " failed: "
              + (cause instanceof RuntimeException r
                  ? ApiCalls.describe(r)
                  : String.valueOf(cause.getMessage())),
          Map.of("namespace", target.namespace(), "pod", target.pod()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED, "Interrupted while running a command in " + target.describe());
    } finally {
      watch.close();
    }
  }

  /**
   * The command as the pod runs it: under {@code timeout(1)} a little after the local deadline.
   *
   * @param argv the command
   * @param timeout the local deadline
   * @return the words to exec
   */
  static List<String> bounded(List<String> argv, Duration timeout) {
    List<String> words = new ArrayList<>(List.of("sh", "-c", BOUNDED));
    words.add(Long.toString(timeout.plus(REMOTE_GRACE).toSeconds() + 1));
    words.addAll(argv);
    return words;
  }

  private static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0
        ? timeout.toSeconds() + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", timeout.toMillis() / 1000.0);
  }

  /** Keeps the status message of channel 3 and keeps fabric8 from logging failures itself. */
  private static final class StatusListener implements ExecListener {
    private final AtomicReference<Status> status;

    StatusListener(AtomicReference<Status> status) {
      this.status = status;
    }

    @Override
    public void onExit(int code, Status answer) {
      status.set(answer);
    }

    @Override
    public void onFailure(Throwable t, Response failureResponse) {
      // reported through the exit code future
    }

    @Override
    public void onClose(int code, String reason) {
      // reported through the exit code future
    }
  }
}
