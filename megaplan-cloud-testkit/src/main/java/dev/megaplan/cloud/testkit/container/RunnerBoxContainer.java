package dev.megaplan.cloud.testkit.container;

import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.testkit.container.internal.ExecTransport;
import dev.megaplan.cloud.testkit.container.internal.RunnerBoxProvider;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A runner box in a real container, for an embedder's own tests: a Testcontainers {@code
 * GenericContainer} of a runner image (the project's test runner image holds bash, tmux, git,
 * python3 and the megaplan emulator as {@code megaplan-emulator}), plus a {@link Provider} bound to
 * it, whose remote shell runs {@code bash -lc CMD} in the container through the Docker API (no
 * {@code docker} client needed):
 *
 * <pre>{@code
 * @Container RunnerBoxContainer box = new RunnerBoxContainer(image);
 *
 * try (CloudSession session = CloudSession.builder(cfg).provider(box.provider()).home(home).open()) {
 *   session.chain(chainSpec).launch();
 * }
 * }</pre>
 *
 * <p>It waits for the image's {@code runner-box: ready} log line (change it with {@code
 * waitingFor}). Testcontainers finds the engine through {@code DOCKER_HOST} or the default socket.
 * Its resource reaper, Ryuk, is an image pulled from a registry: on an engine without one, set
 * {@code TESTCONTAINERS_RYUK_DISABLED=true} and stop the container yourself ({@code @Container}
 * does that at the end of the test or class).
 */
public class RunnerBoxContainer extends GenericContainer<RunnerBoxContainer> {
  /** The log line the test runner image writes once it is up. */
  public static final String READY_LINE = "runner-box: ready";

  /**
   * A container of a runner image; nothing starts until {@code start()}.
   *
   * @param image the image reference, for example {@code megaplan-cloud-test-runner:latest}
   */
  public RunnerBoxContainer(String image) {
    super(DockerImageName.parse(image));
    waitingFor(Wait.forLogMessage(".*" + READY_LINE + ".*\\n", 1));
    withStartupTimeout(Duration.ofMinutes(3));
  }

  /**
   * A provider bound to this running container: its remote shell, {@code /workspace} as its root,
   * and the container id as its identity. Lifecycle operations ({@code deploy}, {@code logs}…)
   * answer {@code not_implemented}: Testcontainers owns the container's life.
   *
   * @return a new provider (closing it leaves the container running)
   * @throws IllegalStateException when the container is not running
   */
  public Provider provider() {
    if (!isRunning()) {
      throw new IllegalStateException("start the runner box before asking for its provider");
    }
    return new RunnerBoxProvider(
        new ExecTransport(getDockerClient(), getContainerId()), getContainerId());
  }
}
