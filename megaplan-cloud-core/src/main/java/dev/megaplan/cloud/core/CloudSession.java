package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.core.internal.deploy.OAuthSeedStep;
import dev.megaplan.cloud.core.internal.remote.Sleeper;
import dev.megaplan.cloud.core.internal.session.NoRemoteShell;
import dev.megaplan.cloud.core.internal.session.SessionContext;
import dev.megaplan.cloud.core.internal.status.ChainStatusOperation;
import dev.megaplan.cloud.core.internal.status.StatusObserver;
import dev.megaplan.cloud.core.internal.status.WrapperOperations;
import dev.megaplan.cloud.core.internal.supervisor.ChainObserver;
import dev.megaplan.cloud.core.internal.timing.PhaseLog;
import dev.megaplan.cloud.core.internal.yaml.HomeDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The front door: one configuration, one provider, one redactor, for as long as the session is
 * open. Everything else is reachable from here.
 *
 * <pre>{@code
 * CloudConfig cfg = CloudYaml.load(Path.of("cloud.yaml"));
 * try (CloudSession session = CloudSession.open(cfg)) {
 *   ChainStatus status = session.chainStatus().read();
 * }
 * }</pre>
 *
 * <p>Closing the session releases the provider's connections. A session is not meant to be used by
 * several threads at once.
 */
public final class CloudSession implements AutoCloseable {
  private final SessionContext context;

  private CloudSession(SessionContext context) {
    this.context = context;
  }

  /**
   * Opens a session on the process environment and the user's home, with the provider named in the
   * configuration (found through {@link java.util.ServiceLoader}).
   *
   * @param config the configuration
   * @return the open session
   * @throws CloudException {@code invalid_spec} when no provider of that name is on the class path
   */
  public static CloudSession open(CloudConfig config) {
    return builder(config).open();
  }

  /**
   * A builder for a session with an injected environment, home, provider, clock or sleeper.
   *
   * @param config the configuration
   * @return the builder
   */
  public static Builder builder(CloudConfig config) {
    return new Builder(config);
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public CloudConfig config() {
    return context.config();
  }

  /**
   * The supervisor of the last launched chain (or the one {@code chain.spec} names).
   *
   * @return the supervisor
   */
  public Supervisor supervisor() {
    return supervisor(Optional.empty());
  }

  /**
   * The supervisor of a chain.
   *
   * @param remoteSpec the remote chain spec path; empty for the last launched chain
   * @return the supervisor
   */
  public Supervisor supervisor(Optional<String> remoteSpec) {
    ChainObserver observer = observerFor(remoteSpec);
    Provider provider = context.provider();
    EffectExecutor.Builder executor =
        EffectExecutor.builder(
                provider.remoteShell().orElseGet(() -> new NoRemoteShell(provider.name())))
            .tmuxCommand(provider.tmuxCommand())
            .launcher(context.launcher())
            .remoteRoot(provider.remoteRoot())
            .redactor(context.redactor());
    executor.megaplanRefresh(
        config().megaplan().repo(),
        config().megaplan().ref(),
        provider.toRemotePath(config().megaplan().srcPath()));
    return new Supervisor(
        observer,
        provider.remoteShell(),
        executor.build(),
        context.redactor()::redact,
        context.sleeper());
  }

  private ChainObserver observerFor(Optional<String> remoteSpec) {
    return new StatusObserver(new ChainStatusOperation(context), remoteSpec);
  }

  /**
   * The provider this session drives.
   *
   * @return the provider
   */
  public Provider provider() {
    return context.provider();
  }

  /**
   * The redactor built for this session's secrets; everything the session relays went through it.
   *
   * @return the redactor
   */
  public Redactor redactor() {
    return context.redactor();
  }

  /** The limit of {@link #exec(String)}. */
  public static final Duration EXEC_TIMEOUT = Duration.ofHours(1);

  /** The limit of the step {@link #resume(Optional)} runs (a megaplan phase may take an hour). */
  public static final Duration STEP_TIMEOUT = Duration.ofHours(2);

  /**
   * The chain status reader (spec 04): {@code session.chainStatus().read()} observes the last
   * launched chain, {@code .remoteSpec(path).read()} another one.
   *
   * @return a reader
   */
  public ChainStatusReader chainStatus() {
    return new ChainStatusReader(context, Optional.empty());
  }

  /**
   * The chain sessions running on the box (03 "Listing chains"), each joined with its session
   * marker, in one remote call.
   *
   * @return the sessions
   * @throws CloudException {@code provider_unavailable} without a remote shell; {@code
   *     provider_failed} when tmux cannot list sessions (no tmux server is an empty list)
   */
  public List<RunningChain> chains() {
    return new WrapperOperations(context).chains();
  }

  /**
   * megaplan's own status: {@code cd <ws> && LAUNCHER status [--plan P]}, where {@code <ws>} is the
   * last launched chain's workspace when a local marker exists, else {@code repo.workspace}.
   *
   * @param plan the plan, if given
   * @return the JSON object megaplan printed, redacted
   * @throws CloudException {@code provider_failed} when the call fails; {@code invalid_status} when
   *     it does not print one JSON object
   */
  public MegaplanStatus status(Optional<String> plan) {
    return new WrapperOperations(context).status(plan);
  }

  /**
   * Runs shell text on the box with a one-hour limit ({@link #EXEC_TIMEOUT}).
   *
   * @param command the shell text (inserted as written)
   * @return the exit status and the redacted output
   * @throws CloudException {@code provider_failed} on a transport failure or timeout
   */
  public ExecResult exec(String command) {
    return exec(command, EXEC_TIMEOUT);
  }

  /**
   * Runs shell text on the box.
   *
   * @param command the shell text (inserted as written)
   * @param timeout how long before it is killed and {@code provider_failed} thrown
   * @return the exit status and the redacted output
   */
  public ExecResult exec(String command, Duration timeout) {
    return new WrapperOperations(context).exec(command, timeout);
  }

  /**
   * Resumes a plan: reads megaplan's status ({@link #status(Optional)}), whose {@code next_step}
   * must be a non-empty string, then runs {@code cd <ws> && LAUNCHER <next_step> [--plan P]} with a
   * limit of {@link #STEP_TIMEOUT}.
   *
   * @param plan the plan, if given
   * @return the step's exit status and redacted output
   * @throws CloudException {@code invalid_status} when there is no next step
   */
  public ExecResult resume(Optional<String> plan) {
    return new WrapperOperations(context).resume(plan, STEP_TIMEOUT);
  }

  /**
   * The shared state of this session's operations (for the SDK's own operation classes).
   *
   * @return the context
   */
  SessionContext context() {
    return context;
  }

  /**
   * Builds the runner (an image, or the host box's checks).
   *
   * @param progress receives human progress lines, redacted
   * @return the report
   */
  public DeployReport build(Consumer<String> progress) {
    return context.provider().build(DeployRequest.builder().progress(redacting(progress)).build());
  }

  /**
   * Deploys the runner with the configured secrets, their values read from the session's
   * environment. Checks every secret before anything is changed. After a successful deploy to a box
   * that is not this machine, a {@code seed oauth} step seeds the local Codex/Hermes OAuth files
   * onto it ({@code skipped} for {@code codex_auth: apikey}).
   *
   * @param progress receives human progress lines, redacted
   * @return the report
   * @throws CloudException {@code missing_secrets} naming every secret unset locally
   */
  public DeployReport deploy(Consumer<String> progress) {
    Map<String, String> secrets = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String name : config().secrets()) {
      String value = context.environment().apply(name);
      if (value == null || value.isEmpty()) {
        missing.add(name);
      } else {
        secrets.put(name, value);
      }
    }
    if (!missing.isEmpty()) {
      throw new CloudException(
          ErrorCode.MISSING_SECRETS,
          "Secrets named in cloud.yaml are not set locally: "
              + String.join(", ", missing)
              + ". Export them, then deploy again; nothing was changed.",
          Map.of("missing_secrets", missing));
    }
    Consumer<String> redacted = redacting(progress);
    DeployReport report =
        context
            .provider()
            .deploy(DeployRequest.builder().secrets(secrets).progress(redacted).build());
    return OAuthSeedStep.append(
        report, config(), context.provider(), context.home(), context.redactor()::redact, redacted);
  }

  /**
   * The objects {@link #deploy} would apply, as the provider renders them for review (YAML
   * documents for {@code kubernetes}), with every secret value redacted. Nothing is changed.
   *
   * @return the manifests, passed through the session's redactor as well
   * @throws CloudException {@code not_implemented} for a provider without declarative objects
   */
  public String manifests() {
    return context.redactor().redact(context.provider().manifests());
  }

  /**
   * The tmux session of the last chain launched with this session's cloud.yaml, from the local
   * marker (what {@code attach} defaults to).
   *
   * @return the session, if a chain was launched
   */
  public Optional<String> lastChainSession() {
    return context
        .markers()
        .readLastChain(context.cloudYaml())
        .map(marker -> marker.chainSession());
  }

  private Consumer<String> redacting(Consumer<String> sink) {
    return line -> sink.accept(context.redactor().redact(line));
  }

  /**
   * A chain launch of a local chain spec (spec 03): configure it, then {@link
   * ChainLaunch#launch()}.
   *
   * @param spec the local chain spec ({@code chain.yaml})
   * @return the launch, not yet started
   */
  public ChainLaunch chain(Path spec) {
    return new ChainLaunch(context, spec);
  }

  /**
   * A bootstrap of one local idea file (spec 03): configure it, then {@link Bootstrap#run()}.
   *
   * @param idea the local idea file
   * @return the bootstrap, not yet started
   */
  public Bootstrap bootstrap(Path idea) {
    return new Bootstrap(context, idea);
  }

  @Override
  public void close() {
    context.provider().close();
  }

  /** Configures and opens a {@link CloudSession}. */
  public static final class Builder {
    private final CloudConfig config;
    private Function<String, String> environment = System::getenv;
    private Path home;
    private Provider provider;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Path cloudYaml;

    private Builder(CloudConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The local environment lookup (secrets, tokens, PATH); the process environment by default.
     *
     * @param environment returns a variable's value, or null when unset
     * @return this builder
     */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * The local home directory (markers and deploy directories live under it). By default the
     * user's home: {@code HOME} from the {@linkplain #environment environment lookup} when set and
     * not empty, else the {@code user.home} system property.
     *
     * @param home the directory
     * @return this builder
     */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /**
     * An explicit provider, instead of the one the configuration names (an explicit choice beats
     * discovery). The session closes it.
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder provider(Provider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * The clock timestamps come from.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * What waits between polls.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The cloud.yaml local markers are keyed by; the configuration's source file by default, else
     * {@code ./cloud.yaml}.
     *
     * @param cloudYaml the path
     * @return this builder
     */
    public Builder cloudYaml(Path cloudYaml) {
      this.cloudYaml = Objects.requireNonNull(cloudYaml, "cloudYaml");
      return this;
    }

    /**
     * Opens the session.
     *
     * @return the session
     * @throws CloudException {@code invalid_spec} when the configured provider is unknown
     */
    public CloudSession open() {
      Path yaml =
          (cloudYaml != null ? cloudYaml : config.source().orElse(Path.of("cloud.yaml")))
              .toAbsolutePath()
              .normalize();
      Redactor redactor = Redactor.create(config.secrets(), environment);
      Path home = this.home != null ? this.home : HomeDirectory.userHome(environment);
      Provider opened = provider;
      if (opened == null) {
        ProviderContext providerContext =
            ProviderContext.builder().config(config).environment(environment).home(home).build();
        ProviderRegistry registry = ProviderRegistry.discover();
        if (PhaseLog.enabled()) {
          PhaseLog.mark("providers.discovered", registry.names().size() + " factories");
        }
        opened = registry.factory(config.provider()).create(providerContext);
        PhaseLog.mark("provider.created", config.provider());
      }
      if (opened == null) {
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED, "The '" + config.provider() + "' provider returned null");
      }
      return new CloudSession(
          new SessionContext(config, yaml, opened, environment, home, redactor, clock, sleeper));
    }
  }
}
