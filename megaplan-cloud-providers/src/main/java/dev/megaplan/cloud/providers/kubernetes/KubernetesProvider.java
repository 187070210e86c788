package dev.megaplan.cloud.providers.kubernetes;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.KubernetesConfig;
import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import dev.megaplan.cloud.providers.internal.container.CommandTransport;
import dev.megaplan.cloud.providers.internal.container.ContainerShell;
import dev.megaplan.cloud.providers.kubernetes.internal.ClusterAccess;
import dev.megaplan.cloud.providers.kubernetes.internal.PodAttach;
import dev.megaplan.cloud.providers.kubernetes.internal.PodExec;
import dev.megaplan.cloud.providers.kubernetes.internal.PodGate;
import dev.megaplan.cloud.providers.kubernetes.internal.PodLogs;
import dev.megaplan.cloud.providers.kubernetes.internal.RunnerDeployer;
import dev.megaplan.cloud.providers.kubernetes.internal.RunnerManifests;
import dev.megaplan.cloud.providers.kubernetes.internal.RunnerTarget;
import dev.megaplan.cloud.providers.kubernetes.internal.RunnerTeardown;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code kubernetes} provider: the runner box is pod {@code <name>-0} of a one-replica
 * StatefulSet running {@code image.ref}, with a volume claim for {@code /workspace} and the secrets
 * in a Secret the pod reads with {@code envFrom}. Everything goes through the Kubernetes API with
 * fabric8's client over the JDK's HTTP client: deploy and teardown as object writes, the remote
 * shell and attach as pod execs, logs as the pod's log. No {@code kubectl} is needed.
 *
 * <p>The cluster and credentials come from the kubeconfig ({@code KUBECONFIG}, else {@code
 * ~/.kube/config} of the session's home) or, inside a cluster, the pod's service account; they are
 * looked up when an operation first needs them. See docs/kubernetes.md.
 */
public final class KubernetesProvider implements Provider {
  /** The provider's name in cloud.yaml. */
  public static final String NAME = "kubernetes";

  /**
   * The local environment variable that moves the pod's {@code /workspace} (for an API stand-in
   * that runs a pod's commands on this machine, as the tests do); unset in real use.
   */
  public static final String WORKSPACE_ROOT_VARIABLE = "MEGAPLAN_CLOUD_KUBERNETES_WORKSPACE_ROOT";

  /** How long {@code deploy} waits for the pod to be Ready by default. */
  public static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(10);

  private final ProviderContext context;
  private final CloudConfig config;
  private final KubernetesConfig kubernetes;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration rolloutTimeout;
  private final InputStream terminalIn;
  private final OutputStream terminalOut;
  private final String workspaceRoot;
  private final ContainerShell shell;
  private ClusterAccess access;
  private RunnerTarget target;
  private KubernetesClient client;
  private PodGate gate;

  /**
   * Creates the provider with the real clock and terminal; nothing is contacted until an operation
   * needs it.
   *
   * @param context the configuration and the local environment
   */
  public KubernetesProvider(ProviderContext context) {
    this(context, Sleeper.SYSTEM, Clock.systemUTC(), ROLLOUT_TIMEOUT, System.in, System.out);
  }

  /**
   * Creates the provider; nothing is contacted until an operation needs it.
   *
   * @param context the configuration and the local environment
   * @param sleeper waits between polls
   * @param clock reads the time for deadlines
   * @param rolloutTimeout how long {@code deploy} waits for the pod to be Ready
   * @param terminalIn what {@code attach} reads keystrokes from
   * @param terminalOut where {@code attach} writes the terminal's output
   */
  public KubernetesProvider(
      ProviderContext context,
      Sleeper sleeper,
      Clock clock,
      Duration rolloutTimeout,
      InputStream terminalIn,
      OutputStream terminalOut) {
    this.context = context;
    this.config = context.config();
    this.kubernetes = config.kubernetes().orElseGet(() -> KubernetesConfig.builder().build());
    this.sleeper = sleeper;
    this.clock = clock;
    this.rolloutTimeout = rolloutTimeout;
    this.terminalIn = terminalIn;
    this.terminalOut = terminalOut;
    String moved = context.environment().apply(WORKSPACE_ROOT_VARIABLE);
    this.workspaceRoot = moved != null && moved.startsWith("/") ? moved : RunnerManifests.WORKSPACE;
    this.shell = new ContainerShell(new LazyExec(), List.of(), "Kubernetes runner pod");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.builder()
        .remoteShell(true)
        .namedSessions(true)
        .interactiveAttach(true)
        .persistentVolume(true)
        .sameMachine(false)
        .build();
  }

  @Override
  public Optional<RemoteShell> remoteShell() {
    return Optional.of(shell);
  }

  @Override
  public String remoteRoot() {
    return workspaceRoot;
  }

  @Override
  public String toRemotePath(String configuredPath) {
    String workspace = RunnerManifests.WORKSPACE;
    if (workspaceRoot.equals(workspace)) {
      return configuredPath;
    }
    if (configuredPath.equals(workspace) || configuredPath.startsWith(workspace + "/")) {
      return workspaceRoot + configuredPath.substring(workspace.length());
    }
    return configuredPath;
  }

  /** The runner pod's namespace and name, {@code <namespace>/<name>-0}. */
  @Override
  public String identity() {
    return target().identity();
  }

  /**
   * Checks {@code image.ref} and says that a cluster builds nothing: the runner image is built and
   * pushed in the user's CI.
   */
  @Override
  public DeployReport build(DeployRequest request) {
    String image = RunnerManifests.image(config);
    return DeployReport.builder()
        .success(true)
        .event("cloud_build")
        .provider(NAME)
        .service(identity())
        .addSteps(
            DeployStep.builder()
                .name("build image")
                .status("skipped")
                .detail(
                    "the kubernetes provider runs the prebuilt image.ref "
                        + image
                        + "; build and push it in your CI")
                .build())
        .imageRebuild("not_triggered")
        .imageRef(image)
        .noOp(true)
        .verdict("Nothing to build: deploy runs " + image + ".")
        .build();
  }

  @Override
  public DeployReport deploy(DeployRequest request) {
    RunnerManifests.image(config);
    RunnerManifests manifests = new RunnerManifests(config, target());
    DeployReport report =
        new RunnerDeployer(client(), target(), manifests, sleeper, clock, rolloutTimeout)
            .deploy(request.secrets(), request.progress());
    gate().forget();
    return report;
  }

  /** Scales the StatefulSet to 0 replicas: the pod stops, the workspace claim stays. */
  @Override
  public void down() {
    new RunnerTeardown(client(), target(), new RunnerManifests(config, target())).down();
  }

  /**
   * Deletes the StatefulSet and the Secret, and the workspace claim only when {@code
   * resources.volume} is set.
   */
  @Override
  public void destroy() {
    new RunnerTeardown(client(), target(), new RunnerManifests(config, target()))
        .destroy(config.resources().volume().isPresent());
  }

  @Override
  public void logs(LogRequest request) {
    if (request.source().isPresent()) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          "The kubernetes provider shows the runner pod's log; it has no other log sources",
          Map.of("source", request.source().get()));
    }
    PodLogs logs = new PodLogs(client(), target(), sleeper);
    if (request.follow()) {
      logs.follow(request.tailLines(), request.sink());
    } else {
      logs.tail(request.tailLines(), request.sink());
    }
  }

  /**
   * Attaches this terminal to a tmux session in the runner pod: an exec of {@code tmux attach -t
   * NAME} with a TTY. Interactive, so it has no timeout.
   */
  @Override
  public int attach(Optional<String> session) {
    if (session.isEmpty() || session.get().isBlank()) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          "Name the session to attach to (--session); no chain was launched from here",
          Map.of("pod", target().identity()));
    }
    gate().requireReady();
    return new PodAttach(client(), target(), gate()).attach(session.get(), terminalIn, terminalOut);
  }

  /**
   * The objects {@code deploy} applies and the Role it needs, as YAML documents, secret values
   * redacted. Needs no cluster: the namespace is {@code kubernetes.namespace}, else the kubeconfig
   * context's, else {@code default}.
   */
  @Override
  public String manifests() {
    RunnerManifests.image(config);
    RunnerTarget where;
    try {
      where = target();
    } catch (CloudException e) {
      if (e.code() != ErrorCode.PROVIDER_UNAVAILABLE) {
        throw e;
      }
      where = new RunnerTarget(kubernetes.namespace().orElse("default"), kubernetes.name());
    }
    return new RunnerManifests(config, where).printable(new KubernetesSerialization());
  }

  @Override
  public void close() {
    KubernetesClient open;
    synchronized (this) {
      open = client;
      client = null;
    }
    if (open != null) {
      open.close();
    }
  }

  private synchronized ClusterAccess access() {
    if (access == null) {
      access =
          ClusterAccess.resolve(
              kubernetes.context(),
              context.environment(),
              context.home(),
              ClusterAccess.SERVICE_ACCOUNT_DIR);
    }
    return access;
  }

  private synchronized RunnerTarget target() {
    if (target == null) {
      String namespace =
          kubernetes.namespace().orElseGet(() -> access().namespace().orElse("default"));
      target = new RunnerTarget(namespace, kubernetes.name());
    }
    return target;
  }

  private synchronized KubernetesClient client() {
    if (client == null) {
      client =
          new KubernetesClientBuilder()
              .withConfig(access().config())
              .withHttpClientFactory(new OkHttpClientFactory())
              .build();
    }
    return client;
  }

  private synchronized PodGate gate() {
    if (gate == null) {
      gate = new PodGate(client(), target());
    }
    return gate;
  }

  /** Connects on first use, so a provider without credentials still constructs. */
  private final class LazyExec implements CommandTransport {
    private PodExec exec;

    @Override
    public ExecResult run(List<String> argv, byte[] stdin, Duration timeout) {
      return exec().run(argv, stdin, timeout);
    }

    private synchronized PodExec exec() {
      if (exec == null) {
        exec = new PodExec(client(), target(), gate());
      }
      return exec;
    }
  }
}
