package dev.megaplan.cloud.providers.kubernetes.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecListener;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * An interactive terminal on a tmux session in the runner pod: an exec of {@code tmux attach -t
 * NAME} with a TTY, keystrokes from {@code in} to the exec's stdin and the terminal's output to
 * {@code out} (a TTY merges stderr into it). Ends when tmux detaches or exits; raw, not redacted.
 */
public final class PodAttach {
  private final KubernetesClient client;
  private final RunnerTarget target;
  private final PodGate gate;

  /**
   * Creates the attach.
   *
   * @param client the API client
   * @param target the runner pod
   * @param gate explains a refused exec
   */
  public PodAttach(KubernetesClient client, RunnerTarget target, PodGate gate) {
    this.client = client;
    this.target = target;
    this.gate = gate;
  }

  /**
   * Attaches until the session detaches.
   *
   * @param session the tmux session
   * @param in the keystrokes
   * @param out the terminal
   * @return tmux's exit status
   */
  public int attach(String session, InputStream in, OutputStream out) {
    ExecWatch watch;
    try {
      watch =
          client
              .pods()
              .inNamespace(target.namespace())
              .withName(target.pod())
              .inContainer(RunnerTarget.CONTAINER)
              .redirectingInput()
              .writingOutput(out)
              .withTTY()
              .usingListener(
                  new ExecListener() {
                    @Override
                    public void onFailure(Throwable t, Response failureResponse) {
                      // reported through the exit code future
                    }

                    @Override
                    public void onClose(int code, String reason) {
                      // reported through the exit code future
                    }
                  })
              .exec("tmux", "attach", "-t", session);
    } catch (KubernetesClientException e) {
      throw gate.execRefused(e);
    }
    Thread keys =
        new Thread(
            () -> {
              byte[] buffer = new byte[1024];
              try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  watch.getInput().write(buffer, 0, n);
                  watch.getInput().flush();
                }
              } catch (IOException | KubernetesClientException e) {
                // the session ended
              }
            },
            "kubernetes-attach-input");
    keys.setDaemon(true);
    keys.start();
    try {
      Integer code = watch.exitCode().get();
      return code == null ? 0 : code;
    } catch (ExecutionException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "The terminal to " + target.describe() + " failed: " + e.getCause().getMessage(),
          Map.of("namespace", target.namespace(), "pod", target.pod()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CloudException(ErrorCode.PROVIDER_FAILED, "Interrupted while attached");
    } finally {
      watch.close();
    }
  }
}
