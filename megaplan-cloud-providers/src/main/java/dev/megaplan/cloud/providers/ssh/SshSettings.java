package dev.megaplan.cloud.providers.ssh;

import dev.megaplan.cloud.api.config.CloudConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything an {@link SshProvider} is built from, given explicitly: the endpoint and credentials,
 * the remote build directory and container, the local deploy directory, the words that run {@code
 * docker} on the host, and the timeouts. {@link SshProviderFactory} maps cloud.yaml onto these;
 * tests build them directly.
 */
public final class SshSettings {
  private final String host;
  private final int port;
  private final String user;
  private final Optional<Path> identityFile;
  private final Path knownHosts;
  private final String remoteDir;
  private final String container;
  private final Optional<String> imageRef;
  private final int appPort;
  private final Path home;
  private final Path deployDir;
  private final Function<String, String> environment;
  private final List<String> docker;
  private final String workspaceRoot;
  private final Duration connectTimeout;
  private final Duration keepAlive;
  private final Duration commandTimeout;
  private final Duration buildTimeout;
  private final Optional<CloudConfig> config;
  private final InputStream terminalIn;
  private final OutputStream terminalOut;

  private SshSettings(Builder b) {
    this.host = Objects.requireNonNull(b.host, "host");
    this.port = b.port;
    this.home = Objects.requireNonNull(b.home, "home");
    this.environment = Objects.requireNonNull(b.environment, "environment");
    String envUser = environment.apply("USER");
    this.user = b.user != null ? b.user : envUser != null ? envUser : "root";
    this.identityFile = Optional.ofNullable(b.identityFile);
    this.knownHosts = b.knownHosts != null ? b.knownHosts : home.resolve(".ssh/known_hosts");
    this.remoteDir = b.remoteDir;
    this.container = b.container;
    this.imageRef = Optional.ofNullable(b.imageRef);
    this.appPort = b.appPort;
    this.deployDir =
        b.deployDir != null ? b.deployDir : home.resolve(".megaplan/cloud/ssh-" + host);
    this.docker = List.copyOf(b.docker);
    this.workspaceRoot = b.workspaceRoot;
    this.connectTimeout = b.connectTimeout;
    this.keepAlive = b.keepAlive;
    this.commandTimeout = b.commandTimeout;
    this.buildTimeout = b.buildTimeout;
    this.config = Optional.ofNullable(b.config);
    this.terminalIn = b.terminalIn;
    this.terminalOut = b.terminalOut;
  }

  /**
   * What {@code attach} reads keystrokes from.
   *
   * @return this process's stdin by default
   */
  public InputStream terminalIn() {
    return terminalIn;
  }

  /**
   * Where {@code attach} writes the terminal's output.
   *
   * @return this process's stdout by default
   */
  public OutputStream terminalOut() {
    return terminalOut;
  }

  /**
   * A builder with 07's defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The SSH host.
   *
   * @return the host
   */
  public String host() {
    return host;
  }

  /**
   * The SSH port.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * The SSH user (the local {@code USER} when not configured).
   *
   * @return the user
   */
  public String user() {
    return user;
  }

  /**
   * The configured private key.
   *
   * @return the key file, or empty (then the agent, then default keys)
   */
  public Optional<Path> identityFile() {
    return identityFile;
  }

  /**
   * The known-hosts file.
   *
   * @return the file
   */
  public Path knownHosts() {
    return knownHosts;
  }

  /**
   * The build context and {@code .env} directory on the host.
   *
   * @return an absolute POSIX path
   */
  public String remoteDir() {
    return remoteDir;
  }

  /**
   * The container name and image tag.
   *
   * @return the name
   */
  public String container() {
    return container;
  }

  /**
   * A prebuilt runner image ({@code image.ref}): when present, {@code build} builds nothing and
   * {@code deploy} runs this image instead of the one {@code build} tags {@link #container()}.
   *
   * @return the image reference, or empty to build from the deploy directory
   */
  public Optional<String> imageRef() {
    return imageRef;
  }

  /**
   * The image {@code deploy} runs: {@link #imageRef()} when set, else the tag {@code build} gives
   * the image it builds ({@link #container()}).
   *
   * @return an image reference
   */
  public String image() {
    return imageRef.orElse(container);
  }

  /**
   * The port the runner publishes ({@code resources.port}).
   *
   * @return the port
   */
  public int appPort() {
    return appPort;
  }

  /**
   * The local home directory.
   *
   * @return the path
   */
  public Path home() {
    return home;
  }

  /**
   * The persistent local deploy directory ({@code ~/.megaplan/cloud/ssh-<host>/}).
   *
   * @return the path
   */
  public Path deployDir() {
    return deployDir;
  }

  /**
   * The local environment lookup.
   *
   * @return the lookup
   */
  public Function<String, String> environment() {
    return environment;
  }

  /**
   * The words that run Docker on the host ({@code [docker]}).
   *
   * @return the words
   */
  public List<String> docker() {
    return docker;
  }

  /**
   * Where the container's {@code /workspace} is, as commands in the container see it: {@code
   * /workspace} in a real container; a test's stand-in may run commands on the host and use a
   * scratch directory instead.
   *
   * @return an absolute POSIX path
   */
  public String workspaceRoot() {
    return workspaceRoot;
  }

  /**
   * How long connecting and authenticating may take.
   *
   * @return the timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * How often an idle connection is probed (three missed answers drop it).
   *
   * @return the interval
   */
  public Duration keepAlive() {
    return keepAlive;
  }

  /**
   * The timeout of lifecycle commands other than the image build.
   *
   * @return the timeout
   */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /**
   * The timeout of {@code docker build}.
   *
   * @return the timeout
   */
  public Duration buildTimeout() {
    return buildTimeout;
  }

  /**
   * The configuration the deploy directory is rendered from, when there is one.
   *
   * @return the configuration
   */
  public Optional<CloudConfig> config() {
    return config;
  }

  /** Builds {@link SshSettings}. */
  public static final class Builder {
    private String host;
    private int port = 22;
    private String user;
    private Path identityFile;
    private Path knownHosts;
    private String remoteDir = "/tmp/megaplan-cloud";
    private String container = "megaplan-cloud-agent";
    private String imageRef;
    private int appPort = 8080;
    private Path home;
    private Path deployDir;
    private Function<String, String> environment = name -> null;
    private List<String> docker = List.of("docker");
    private String workspaceRoot = "/workspace";
    private Duration connectTimeout = Duration.ofSeconds(15);
    private Duration keepAlive = Duration.ofSeconds(5);
    private Duration commandTimeout = Duration.ofMinutes(2);
    private Duration buildTimeout = Duration.ofMinutes(30);
    private CloudConfig config;
    private InputStream terminalIn = System.in;
    private OutputStream terminalOut = System.out;

    private Builder() {}

    /**
     * Sets the terminal {@code attach} is wired to.
     *
     * @param in what keystrokes are read from
     * @param out where the output goes
     * @return this builder
     */
    public Builder terminal(InputStream in, OutputStream out) {
      terminalIn = in;
      terminalOut = out;
      return this;
    }

    /**
     * Sets the host.
     *
     * @param value the host
     * @return this builder
     */
    public Builder host(String value) {
      host = value;
      return this;
    }

    /**
     * Sets the port.
     *
     * @param value the port
     * @return this builder
     */
    public Builder port(int value) {
      port = value;
      return this;
    }

    /**
     * Sets the user.
     *
     * @param value the user
     * @return this builder
     */
    public Builder user(String value) {
      user = value;
      return this;
    }

    /**
     * Sets the private key file.
     *
     * @param value the key file
     * @return this builder
     */
    public Builder identityFile(Path value) {
      identityFile = value;
      return this;
    }

    /**
     * Sets the known-hosts file.
     *
     * @param value the file
     * @return this builder
     */
    public Builder knownHosts(Path value) {
      knownHosts = value;
      return this;
    }

    /**
     * Sets the remote build directory.
     *
     * @param value an absolute POSIX path
     * @return this builder
     */
    public Builder remoteDir(String value) {
      remoteDir = value;
      return this;
    }

    /**
     * Sets the container name and image tag.
     *
     * @param value the name
     * @return this builder
     */
    public Builder container(String value) {
      container = value;
      return this;
    }

    /**
     * Sets the prebuilt runner image ({@code image.ref}).
     *
     * @param value an image reference, or null to build from the deploy directory
     * @return this builder
     */
    public Builder imageRef(String value) {
      imageRef = value;
      return this;
    }

    /**
     * Sets the published port.
     *
     * @param value the port
     * @return this builder
     */
    public Builder appPort(int value) {
      appPort = value;
      return this;
    }

    /**
     * Sets the local home directory.
     *
     * @param value the home
     * @return this builder
     */
    public Builder home(Path value) {
      home = value;
      return this;
    }

    /**
     * Sets the local deploy directory.
     *
     * @param value the directory
     * @return this builder
     */
    public Builder deployDir(Path value) {
      deployDir = value;
      return this;
    }

    /**
     * Sets the local environment lookup.
     *
     * @param value the lookup (null for unset names)
     * @return this builder
     */
    public Builder environment(Function<String, String> value) {
      environment = value;
      return this;
    }

    /**
     * Sets the words that run Docker on the host.
     *
     * @param value for example {@code [docker]} or {@code [/opt/bin/docker]}
     * @return this builder
     */
    public Builder docker(List<String> value) {
      docker = value;
      return this;
    }

    /**
     * Sets where the container's {@code /workspace} is.
     *
     * @param value an absolute POSIX path
     * @return this builder
     */
    public Builder workspaceRoot(String value) {
      workspaceRoot = value;
      return this;
    }

    /**
     * Sets the connect timeout.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    /**
     * Sets the keep-alive interval.
     *
     * @param value the interval
     * @return this builder
     */
    public Builder keepAlive(Duration value) {
      keepAlive = value;
      return this;
    }

    /**
     * Sets the lifecycle command timeout.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder commandTimeout(Duration value) {
      commandTimeout = value;
      return this;
    }

    /**
     * Sets the image build timeout.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder buildTimeout(Duration value) {
      buildTimeout = value;
      return this;
    }

    /**
     * Sets the configuration the deploy directory is rendered from.
     *
     * @param value the configuration
     * @return this builder
     */
    public Builder config(CloudConfig value) {
      config = value;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public SshSettings build() {
      return new SshSettings(this);
    }
  }
}
