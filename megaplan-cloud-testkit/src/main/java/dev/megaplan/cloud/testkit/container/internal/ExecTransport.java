package dev.megaplan.cloud.testkit.container.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.ExecStartCmd;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.providers.internal.container.CommandTransport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CommandTransport} into one container through the Docker API's exec calls (docker-java,
 * as Testcontainers holds it): create an exec of the argument vector, stream stdout and stderr
 * apart, feed stdin when there is any, then read its exit code.
 */
public final class ExecTransport implements CommandTransport {
  private final DockerClient client;
  private final String containerId;

  /**
   * Creates the transport.
   *
   * @param client the Docker API client
   * @param containerId the running container
   */
  public ExecTransport(DockerClient client, String containerId) {
    this.client = client;
    this.containerId = containerId;
  }

  @Override
  public ExecResult run(List<String> argv, byte[] stdin, Duration timeout) {
    ExecCreateCmdResponse exec =
        client
            .execCreateCmd(containerId)
            .withCmd(argv.toArray(String[]::new))
            .withAttachStdout(true)
            .withAttachStderr(true)
            .withAttachStdin(stdin.length > 0)
            .exec();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ResultCallback.Adapter<Frame> frames =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            ByteArrayOutputStream sink = frame.getStreamType() == StreamType.STDERR ? err : out;
            synchronized (sink) {
              sink.writeBytes(frame.getPayload());
            }
          }
        };
    ExecStartCmd start = client.execStartCmd(exec.getId());
    if (stdin.length > 0) {
      start = start.withStdIn(new ByteArrayInputStream(stdin));
    }
    try (ResultCallback.Adapter<Frame> running = start.exec(frames)) {
      if (!running.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED,
            "A command in container " + containerId + " timed out after " + timeout,
            Map.of("timeout_ms", timeout.toMillis()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED, "Interrupted in container " + containerId, Map.of(), e);
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Lost the exec stream of container " + containerId + ": " + e.getMessage(),
          Map.of(),
          e);
    }
    Long exit = client.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
    if (exit == null) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "The engine reported no exit code for a command in container " + containerId,
          Map.of());
    }
    synchronized (out) {
      synchronized (err) {
        return ExecResult.of(
            exit.intValue(),
            out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8));
      }
    }
  }
}
