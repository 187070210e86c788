package dev.megaplan.cloud.providers.railway;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RailwayConfig;
import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.deploy.DeployDirectory;
import dev.megaplan.cloud.core.internal.deploy.RenderedDeployDir;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import dev.megaplan.cloud.providers.internal.Executables;
import dev.megaplan.cloud.providers.internal.ProcessRunner;
import dev.megaplan.cloud.providers.internal.SessionNames;
import dev.megaplan.cloud.providers.internal.container.CommandStep;
import dev.megaplan.cloud.providers.internal.container.LocalTransport;
import dev.megaplan.cloud.providers.railway.internal.DeployArchive;
import dev.megaplan.cloud.providers.railway.internal.GraphQlClient;
import dev.megaplan.cloud.providers.railway.internal.RailwayApi;
import dev.megaplan.cloud.providers.railway.internal.RailwayAuth;
import dev.megaplan.cloud.providers.railway.internal.RailwayCliExec;
import dev.megaplan.cloud.providers.railway.internal.RailwayEndpoints;
import dev.megaplan.cloud.providers.railway.internal.RailwayLogs;
import dev.megaplan.cloud.providers.railway.internal.RailwayShell;
import dev.megaplan.cloud.providers.railway.internal.RailwayTarget;
import dev.megaplan.cloud.providers.railway.internal.RailwayUp;
import dev.megaplan.cloud.providers.railway.internal.RelayClient;
import dev.megaplan.cloud.providers.railway.internal.RelayExec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * The {@code railway} provider: a runner service on Railway, driven through Railway's public
 * GraphQL API, with Railway's SSH relay WebSocket as the remote shell (no {@code railway} CLI
 * needed), or the CLI's {@code railway ssh} when no token is exported but the CLI is installed.
 *
 * <p>Every call is scoped to the project, environment and service resolved once from {@code
 * railway.project}, {@code railway.environment} and {@code railway.service} (names or ids). The
 * token comes from {@code RAILWAY_API_TOKEN} or {@code RAILWAY_TOKEN} through the context's
 * environment lookup, and never appears in a URL, a log line or an exception.
 */
public final class RailwayProvider implements Provider {
  /** How many recent deployments {@code down} looks at. */
  private static final int DOWN_WINDOW = 10;

  /** How long a local {@code docker build} may take. */
  private static final Duration BUILD_TIMEOUT = Duration.ofHours(2);

  /** Deployment statuses that have a container to stop. */
  private static final Set<String> RUNNING =
      Set.of("SUCCESS", "DEPLOYING", "SLEEPING", "CRASHED", "BUILDING", "INITIALIZING");

  private final ProviderContext context;
  private final RailwayConfig config;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Redactor redactor;
  private final RailwayShell shell;
  private OkHttpClient http;
  private RailwayApi api;
  private RailwayTarget target;
  private RelayExec transport;

  /**
   * Creates the provider; nothing is contacted until an operation needs it.
   *
   * @param context the configuration and the local environment
   * @param sleeper waits between API retries and log polls
   * @param clock reads "now" for {@code Retry-After} dates
   */
  public RailwayProvider(ProviderContext context, Sleeper sleeper, Clock clock) {
    this.context = context;
    this.config = context.config().railway();
    this.sleeper = sleeper;
    this.clock = clock;
    List<String> secretNames = new ArrayList<>(context.config().secrets());
    secretNames.add(RailwayAuth.API_TOKEN);
    secretNames.add(RailwayAuth.PROJECT_TOKEN);
    this.redactor = Redactor.create(secretNames, context.environment());
    this.shell = new RailwayShell(new LazyTransport());
  }

  @Override
  public String name() {
    return "railway";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.builder()
        .remoteShell(true)
        .namedSessions(true)
        .interactiveAttach(true)
        .persistentVolume(context.config().resources().volume().isPresent())
        .sameMachine(false)
        .build();
  }

  @Override
  public Optional<RemoteShell> remoteShell() {
    return Optional.of(shell);
  }

  /**
   * Refuses {@code image.ref}, before anything is rendered or sent: this provider deploys by
   * uploading the deploy directory for Railway to build, and does not yet point a service at a
   * prebuilt image.
   */
  private void refusePrebuiltImage() {
    context
        .config()
        .image()
        .ref()
        .ifPresent(
            ref -> {
              throw new CloudException(
                  ErrorCode.INVALID_SPEC,
                  "image.ref ("
                      + ref
                      + ") is not supported with provider: railway: Railway builds the runner"
                      + " from the rendered Dockerfile on deploy. Remove image.ref, or set"
                      + " image.base to build from your base image",
                  Map.of("field", "image.ref"));
            });
  }

  /** The railway service's name, as {@code railway.service} says (the consistency check's key). */
  @Override
  public String identity() {
    return config.service();
  }

  /**
   * Renders the deploy directory into a temporary directory and, when a local {@code docker} is on
   * the {@code PATH}, runs {@code docker build -t megaplan-cloud-<service> <dir>} to check the
   * image builds; otherwise says that Railway builds the image from the Dockerfile on deploy.
   */
  @Override
  public DeployReport build(DeployRequest request) {
    refusePrebuiltImage();
    Optional<String> docker = Executables.onPath("docker", context.environment().apply("PATH"));
    String image = "megaplan-cloud-" + config.service();
    return withRenderedDir(
        request,
        (dir, rendered) -> {
          List<DeployStep> steps = new ArrayList<>(rendered);
          DeployReport.Builder report =
              DeployReport.builder()
                  .event("cloud_build")
                  .provider(name())
                  .service(config.service())
                  .noOp(false);
          if (docker.isEmpty()) {
            steps.add(
                DeployStep.builder()
                    .name("build image")
                    .status("skipped")
                    .detail(
                        "no local docker: Railway builds the image from the Dockerfile when the"
                            + " service deploys")
                    .build());
            return report
                .success(true)
                .steps(steps)
                .verdict("Rendered the deploy directory; Railway builds the image on deploy.")
                .build();
          }
          String path = context.environment().apply("PATH");
          DeployStep step =
              new CommandStep(
                      new LocalTransport(ProcessRunner.create(path), cliEnvironment(), dir),
                      redactor::redact,
                      request.progress())
                  .run(
                      "docker build",
                      List.of(docker.get(), "build", "-t", image, dir.toString()),
                      BUILD_TIMEOUT);
          steps.add(step);
          boolean ok = step.status().equals("ok");
          return report
              .success(ok)
              .steps(steps)
              .imageRebuild(ok ? "triggered" : "not_triggered")
              .imageRef(image)
              .verdict(
                  ok
                      ? "Built " + image + " locally; Railway builds its own image on deploy."
                      : "docker build failed; see the step's output.")
              .build();
        });
  }

  @Override
  public DeployReport deploy(DeployRequest request) {
    refusePrebuiltImage();
    return withRenderedDir(request, (dir, rendered) -> deployFrom(dir, rendered, request));
  }

  private DeployReport deployFrom(Path dir, List<DeployStep> rendered, DeployRequest request) {
    List<DeployStep> steps = new ArrayList<>(rendered);
    RailwayTarget where = target();
    request.progress().accept("Deploying to Railway " + where.describe());
    steps.add(
        DeployStep.builder()
            .name("resolve service")
            .status("ok")
            .detail(where.describe())
            .metadata(
                Map.of(
                    "project_id", where.projectId(),
                    "environment_id", where.environmentId(),
                    "service_id", where.serviceId()))
            .build());
    Optional<String> before =
        api().deployments(where, 1).stream().findFirst().map(RailwayApi.Deployment::id);
    List<String> names = new ArrayList<>(new TreeSet<>(request.secrets().keySet()));
    if (!names.isEmpty()) {
      api().upsertVariables(where, request.secrets());
      request.progress().accept("Updated " + names.size() + " service variables");
      steps.add(
          DeployStep.builder()
              .name("upsert variables")
              .status("ok")
              .detail(String.join(", ", names))
              .build());
    }
    byte[] archive = DeployArchive.of(dir);
    Optional<String> deployment = up().upload(where, archive);
    boolean triggered = deployment.isPresent() && !deployment.equals(before);
    request
        .progress()
        .accept("Uploaded the deploy directory (" + archive.length + " bytes) to Railway");
    steps.add(
        DeployStep.builder()
            .name("upload deploy directory")
            .status("ok")
            .detail(
                archive.length
                    + " bytes; "
                    + (triggered
                        ? "deployment " + deployment.get() + " started"
                        : "Railway reported no new deployment"))
            .build());
    boolean noOp = !triggered && names.isEmpty();
    Map<String, Object> logs = new LinkedHashMap<>();
    logs.put("command", "megaplan-cloud logs");
    deployment.ifPresent(id -> logs.put("deployment_id", id));
    String verdict =
        (triggered ? "Deployment " + deployment.get() + " started" : "No new deployment")
            + " for Railway "
            + where.describe()
            + (names.isEmpty() ? "" : "; " + names.size() + " variables updated")
            + ".";
    return DeployReport.builder()
        .success(true)
        .provider(name())
        .service(where.serviceName())
        .steps(steps)
        .imageRebuild(triggered ? "triggered" : "not_triggered")
        .noOp(noOp)
        .varsUpdated(names)
        .logs(logs)
        .verdict(verdict)
        .build();
  }

  /** Stops every deployment of the service that still has a container. */
  @Override
  public void down() {
    RailwayTarget where = target();
    for (RailwayApi.Deployment deployment : api().deployments(where, DOWN_WINDOW)) {
      if (RUNNING.contains(deployment.status())) {
        api().stop(deployment.id());
      }
    }
  }

  /** {@link #down()}, then deletes {@code resources.volume} when it is set. */
  @Override
  public void destroy() {
    down();
    Optional<String> volume = context.config().resources().volume();
    if (volume.isEmpty()) {
      return;
    }
    RailwayTarget where = target();
    String id = where.volumes().get(volume.get());
    if (id == null && where.volumes().containsValue(volume.get())) {
      id = volume.get();
    }
    if (id == null) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Railway project '"
              + where.projectName()
              + "' has no volume '"
              + volume.get()
              + "' (resources.volume); the service was stopped, nothing was deleted",
          Map.of("volume", volume.get(), "volumes", List.copyOf(where.volumes().keySet())));
    }
    api().deleteVolume(id);
  }

  @Override
  public void logs(LogRequest request) {
    RailwayLogs logs = new RailwayLogs(api(), target(), sleeper);
    if (request.follow()) {
      logs.follow(request.tailLines(), request.sink(), Long.MAX_VALUE);
    } else {
      logs.tail(request.tailLines(), request.sink());
    }
  }

  /**
   * Attaches this terminal to a tmux session on the service through {@code railway ssh --session
   * NAME} (the CLI creates or joins it). Interactive, so it has no timeout; it needs the {@code
   * railway} CLI, since the relay's interactive mode needs a raw local terminal.
   */
  @Override
  public int attach(Optional<String> session) {
    String name = session.filter(s -> !s.isBlank()).orElse(config.session());
    // the CLI hands the name to tmux on the service
    SessionNames.requireSafe(name);
    String railway =
        Executables.onPath("railway", context.environment().apply("PATH"))
            .orElseThrow(
                () ->
                    new CloudException(
                        ErrorCode.PROVIDER_UNAVAILABLE,
                        "attach on railway needs the railway CLI. Install: npm i -g @railway/cli"
                            + " (https://docs.railway.com/guides/cli)"));
    List<String> argv = new ArrayList<>(List.of(railway, "ssh"));
    if (config.project().isPresent()) {
      argv.addAll(
          List.of(
              "--project",
              config.project().get(),
              "--environment",
              config.environment().orElse("production"),
              "--service",
              config.service()));
    }
    argv.addAll(List.of("--session", name));
    ProcessBuilder builder = new ProcessBuilder(argv).inheritIO();
    builder.environment().clear();
    builder.environment().putAll(cliEnvironment());
    try {
      Process process = builder.start();
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        process.destroy();
        Thread.currentThread().interrupt();
        throw new CloudException(ErrorCode.PROVIDER_FAILED, "Interrupted while attached");
      }
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_UNAVAILABLE, "Could not start the railway CLI: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    OkHttpClient client;
    synchronized (this) {
      client = http;
      http = null;
    }
    if (client != null) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /** Renders into a temporary directory, runs {@code use} on it, then removes it. */
  private <T> T withRenderedDir(DeployRequest request, BiFunction<Path, List<DeployStep>, T> use) {
    CloudConfig cloud = context.config();
    Path dir;
    try {
      dir = Files.createTempDirectory("megaplan-railway-");
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not create a temporary deploy directory: " + e.getMessage());
    }
    try {
      RenderedDeployDir rendered =
          DeployDirectory.render(cloud, DeployDirectory.Target.RAILWAY, dir);
      request.progress().accept("Rendered " + rendered.sha256ByFile().size() + " deploy files");
      List<DeployStep> steps = new ArrayList<>();
      for (DeployStep step : rendered.steps()) {
        Map<String, Object> metadata = new LinkedHashMap<>(step.metadata());
        metadata.remove("path");
        steps.add(DeployStep.builder().from(step).metadata(metadata).build());
      }
      return use.apply(rendered.dir(), steps);
    } finally {
      removeTree(dir);
    }
  }

  private static void removeTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a temp directory left behind is harmless; nothing secret was written there
    }
  }

  private synchronized OkHttpClient http() {
    if (http == null) {
      http =
          new OkHttpClient.Builder()
              .connectTimeout(Duration.ofSeconds(15))
              .readTimeout(Duration.ofSeconds(60))
              .writeTimeout(Duration.ofSeconds(60))
              .callTimeout(Duration.ofSeconds(90))
              .pingInterval(Duration.ofSeconds(20))
              .build();
    }
    return http;
  }

  private synchronized RailwayApi api() {
    if (api == null) {
      RailwayAuth auth = RailwayAuth.require(context.environment());
      RailwayEndpoints endpoints = RailwayEndpoints.resolve(config, context.environment());
      api =
          new RailwayApi(
              new GraphQlClient(http(), endpoints.api(), auth, redactor, sleeper, clock),
              auth.projectToken());
    }
    return api;
  }

  private synchronized RailwayUp up() {
    RailwayAuth auth = RailwayAuth.require(context.environment());
    RailwayEndpoints endpoints = RailwayEndpoints.resolve(config, context.environment());
    return new RailwayUp(http(), endpoints.api(), auth, redactor);
  }

  private synchronized RailwayTarget target() {
    if (target == null) {
      target = api().resolve(config);
    }
    return target;
  }

  private synchronized RelayExec transport() {
    if (transport == null) {
      Optional<RailwayAuth> auth = RailwayAuth.find(context.environment());
      if (auth.isPresent()) {
        RailwayEndpoints endpoints = RailwayEndpoints.resolve(config, context.environment());
        transport = new RelayClient(http(), endpoints.relay(), auth.get(), this::target, redactor);
      } else {
        Optional<String> railway =
            Executables.onPath("railway", context.environment().apply("PATH"));
        if (railway.isEmpty()) {
          throw new CloudException(
              ErrorCode.PROVIDER_UNAVAILABLE,
              "No way to reach the Railway service: export RAILWAY_API_TOKEN (account or team"
                  + " token) or RAILWAY_TOKEN (project token) to use Railway's SSH relay, or"
                  + " install the railway CLI (npm i -g @railway/cli) and log in");
        }
        transport =
            new RailwayCliExec(
                railway.get(),
                config,
                ProcessRunner.create(context.environment().apply("PATH")),
                cliEnvironment(),
                context.home());
      }
    }
    return transport;
  }

  private Map<String, String> cliEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name :
        new LinkedHashSet<>(
            List.of(
                "PATH",
                "HOME",
                "LANG",
                "TERM",
                RailwayAuth.API_TOKEN,
                RailwayAuth.PROJECT_TOKEN))) {
      String value = context.environment().apply(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    env.putIfAbsent("HOME", context.home().toString());
    return env;
  }

  /** Picks the transport on first use, so a provider without credentials still constructs. */
  private final class LazyTransport implements RelayExec {
    @Override
    public Result run(List<String> argv, String stdin, Duration timeout) {
      return transport().run(argv, stdin, timeout);
    }

    @Override
    public boolean feedsStdin() {
      return transport().feedsStdin();
    }

    @Override
    public String describe() {
      return transport().describe();
    }
  }
}
