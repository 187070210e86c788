package dev.megaplan.cloud.providers.host;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.providers.host.internal.HostRoots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Everything a {@link HostProvider} is built from, given explicitly: where the box's root is, the
 * environment its commands see, the megaplan launcher, and the timeouts and waiting it uses. Build
 * one with {@link #builder()}; the root defaults to {@code <home>/.megaplan/cloud/host/<repo dir>}.
 */
public final class HostSettings {
  /** The launcher used when cloud.yaml names none ({@code megaplan.command}'s default). */
  public static final String DEFAULT_LAUNCHER = "python -m arnold.pipelines.megaplan";

  /**
   * The local environment variables handed to commands on the box (when set locally), besides the
   * configured secrets. {@code TMUX} and {@code TMUX_PANE} are never passed, whatever is asked.
   */
  public static final List<String> DEFAULT_PASSED_VARIABLES =
      List.of(
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "SHELL",
          "LANG",
          "LANGUAGE",
          "LC_ALL",
          "LC_CTYPE",
          "LC_MESSAGES",
          "TERM",
          "COLORTERM",
          "TZ",
          "TMPDIR",
          "SSH_AUTH_SOCK",
          "XDG_RUNTIME_DIR",
          "XDG_CONFIG_HOME",
          "XDG_CACHE_HOME",
          "XDG_DATA_HOME",
          "JAVA_HOME",
          "VIRTUAL_ENV",
          "CONDA_PREFIX",
          "PYTHONPATH",
          "PYENV_ROOT",
          "NVM_DIR",
          "GIT_AUTHOR_NAME",
          "GIT_AUTHOR_EMAIL",
          "GIT_COMMITTER_NAME",
          "GIT_COMMITTER_EMAIL");

  /** Waits for a while; injected so that no logic calls {@link Thread#sleep} directly. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The real sleeper.
     *
     * @return a sleeper that blocks the calling thread
     */
    static Sleeper system() {
      return duration -> Thread.sleep(duration.toMillis());
    }
  }

  private final Path root;
  private final Optional<Path> home;
  private final Function<String, String> environment;
  private final List<String> passedVariables;
  private final String launcher;
  private final Path tempDir;
  private final Duration commandTimeout;
  private final Duration pollInterval;
  private final Sleeper sleeper;
  private final BooleanSupplier terminal;
  private final Optional<CloudConfig> bootConfig;

  private HostSettings(Builder builder) {
    this.home = Optional.ofNullable(builder.home).map(p -> p.toAbsolutePath().normalize());
    if (builder.root != null) {
      this.root = builder.root.toAbsolutePath().normalize();
    } else if (builder.home != null && builder.repoUrl != null) {
      this.root = HostRoots.defaultRoot(this.home.orElseThrow(), builder.repoUrl);
    } else {
      throw new IllegalStateException("a host root, or a home directory and a repo url, is needed");
    }
    this.environment = builder.environment;
    this.passedVariables = List.copyOf(new LinkedHashSet<>(builder.passedVariables));
    this.launcher = builder.launcher;
    this.tempDir = builder.tempDir.toAbsolutePath().normalize();
    this.commandTimeout = builder.commandTimeout;
    this.pollInterval = builder.pollInterval;
    this.sleeper = builder.sleeper;
    this.terminal = builder.terminal;
    this.bootConfig = Optional.ofNullable(builder.bootConfig);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default root for a repository: {@code <home>/.megaplan/cloud/host/<repo dir>}, where the
   * repo dir is the last segment of the URL without {@code .git}, slugged ({@code app} if empty).
   *
   * @param home the local user's home
   * @param repoUrl the primary repository's URL
   * @return an absolute path
   */
  public static Path defaultRoot(Path home, String repoUrl) {
    return HostRoots.defaultRoot(home.toAbsolutePath().normalize(), repoUrl);
  }

  /**
   * The box's root ({@code ROOT}), absolute and normalized.
   *
   * @return the root
   */
  public Path root() {
    return root;
  }

  /**
   * The local user's home, when known (destroy refuses to delete it or anything above it).
   *
   * @return the home
   */
  public Optional<Path> home() {
    return home;
  }

  /**
   * The local environment lookup (null for unset names).
   *
   * @return the lookup
   */
  public Function<String, String> environment() {
    return environment;
  }

  /**
   * Names of the local variables passed to commands on the box.
   *
   * @return the names, without duplicates
   */
  public List<String> passedVariables() {
    return passedVariables;
  }

  /**
   * The megaplan launcher, a shell fragment such as {@code python -m arnold.pipelines.megaplan}.
   *
   * @return the launcher
   */
  public String launcher() {
    return launcher;
  }

  /**
   * Where the short tmux socket goes when the root's own socket path would be too long.
   *
   * @return the temp directory
   */
  public Path tempDir() {
    return tempDir;
  }

  /**
   * The timeout of the provider's own commands (tool checks, tmux calls).
   *
   * @return the timeout
   */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /**
   * How often a followed log is polled for new lines.
   *
   * @return the interval
   */
  public Duration pollInterval() {
    return pollInterval;
  }

  /**
   * How the provider waits.
   *
   * @return the sleeper
   */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * Whether an interactive terminal is present ({@code attach} needs one).
   *
   * @return the check
   */
  public BooleanSupplier terminal() {
    return terminal;
  }

  /**
   * The configuration whose {@code mode} decides the boot session {@code deploy} starts (auto,
   * chain), as a container entrypoint would.
   *
   * @return the configuration, when deploys should start one
   */
  public Optional<CloudConfig> bootConfig() {
    return bootConfig;
  }

  /** Builds {@link HostSettings}. */
  public static final class Builder {
    private Path root;
    private Path home;
    private String repoUrl;
    private Function<String, String> environment = name -> null;
    private CloudConfig bootConfig;
    private final List<String> passedVariables = new ArrayList<>(DEFAULT_PASSED_VARIABLES);
    private String launcher = DEFAULT_LAUNCHER;
    private Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
    private Duration commandTimeout = Duration.ofSeconds(30);
    private Duration pollInterval = Duration.ofMillis(250);
    private Sleeper sleeper = Sleeper.system();
    private BooleanSupplier terminal = () -> System.console() != null;

    private Builder() {}

    /**
     * Sets the root explicitly ({@code host.root}).
     *
     * @param root the directory standing for the box's {@code /workspace}
     * @return this builder
     */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root");
      return this;
    }

    /**
     * Sets the local user's home (used for the default root and the destroy guard).
     *
     * @param home the home directory
     * @return this builder
     */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /**
     * Sets the primary repository's URL, which names the default root.
     *
     * @param repoUrl the git URL
     * @return this builder
     */
    public Builder repoUrl(String repoUrl) {
      this.repoUrl = Objects.requireNonNull(repoUrl, "repoUrl");
      return this;
    }

    /**
     * Sets the local environment lookup.
     *
     * @param environment returns a variable's value, or null when unset
     * @return this builder
     */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Adds names of local variables to pass to commands on the box (the configured secrets).
     *
     * @param names variable names
     * @return this builder
     */
    public Builder passVariables(List<String> names) {
      this.passedVariables.addAll(names);
      return this;
    }

    /**
     * Sets the megaplan launcher ({@code megaplan.command}).
     *
     * @param launcher a shell fragment
     * @return this builder
     */
    public Builder launcher(String launcher) {
      this.launcher = Objects.requireNonNull(launcher, "launcher");
      return this;
    }

    /**
     * Sets the temp directory for short tmux sockets.
     *
     * @param tempDir a directory
     * @return this builder
     */
    public Builder tempDir(Path tempDir) {
      this.tempDir = Objects.requireNonNull(tempDir, "tempDir");
      return this;
    }

    /**
     * Sets the timeout of the provider's own commands.
     *
     * @param commandTimeout the timeout
     * @return this builder
     */
    public Builder commandTimeout(Duration commandTimeout) {
      this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
      return this;
    }

    /**
     * Sets how often followed logs are polled.
     *
     * @param pollInterval the interval
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
      return this;
    }

    /**
     * Sets how the provider waits.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the check for an interactive terminal.
     *
     * @param terminal answers whether a terminal is attached
     * @return this builder
     */
    public Builder terminal(BooleanSupplier terminal) {
      this.terminal = Objects.requireNonNull(terminal, "terminal");
      return this;
    }

    /**
     * The configuration whose {@code mode} decides the boot session {@code deploy} starts.
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder bootConfig(CloudConfig config) {
      this.bootConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws IllegalStateException when neither a root nor a home and repo url were given
     */
    public HostSettings build() {
      return new HostSettings(this);
    }
  }
}
