package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The whole of cloud.yaml, defaults filled in. Holds secret names only, never their values. Load it
 * with {@code CloudYaml.load(path)} (core); this value does no I/O.
 *
 * <p>Its JSON rendering uses the file's snake_case names, in the file's section order; an unset
 * optional value renders as {@code null}, and so does a provider block ({@code local}, {@code ssh},
 * {@code host}, {@code kubernetes}) or a mode block ({@code auto}, {@code chain}) that does not
 * apply.
 */
@Value.Immutable
@JsonPropertyOrder({
  "provider",
  "mode",
  "repo",
  "extra_repos",
  "agents",
  "codex",
  "megaplan",
  "auto",
  "chain",
  "chain_session",
  "driver",
  "resources",
  "railway",
  "local",
  "ssh",
  "host",
  "kubernetes",
  "secrets",
  "toolchains",
  "image"
})
abstract class AbstractCloudConfig {
  private static final List<String> FILE_KEYS =
      List.of(AbstractCloudConfig.class.getAnnotation(JsonPropertyOrder.class).value());

  /**
   * The top-level keys of cloud.yaml, in the file's section order: exactly the names this value
   * renders, kept in one place. Any other top-level key is unknown (a warning, not an error).
   *
   * @return the keys, unmodifiable
   */
  public static List<String> fileKeys() {
    return FILE_KEYS;
  }

  /** The chain session used when none is set explicitly. */
  public static final String DEFAULT_CHAIN_SESSION = "megaplan-chain";

  /**
   * The provider name ({@code provider}), resolved through {@code ServiceLoader}; {@code railway}
   * by default.
   *
   * @return a non-empty name
   */
  @JsonProperty("provider")
  @Value.Default
  public String provider() {
    return "railway";
  }

  /**
   * What the runner launches on boot ({@code mode}); {@code idle} by default.
   *
   * @return the mode
   */
  @JsonProperty("mode")
  @Value.Default
  public Mode mode() {
    return Mode.IDLE;
  }

  /**
   * The primary repository ({@code repo}).
   *
   * @return the repository
   */
  @JsonProperty("repo")
  public abstract RepoConfig repo();

  /**
   * More repositories cloned next to the primary one ({@code extra_repos}), each with an explicit
   * workspace.
   *
   * @return the repositories, in file order
   */
  @JsonProperty("extra_repos")
  public abstract List<RepoConfig> extraRepos();

  /**
   * Agent routing ({@code agents}); {@code {default: codex}} by default.
   *
   * @return the routing
   */
  @JsonProperty("agents")
  @Value.Default
  public AgentsConfig agents() {
    return AgentsConfig.builder().build();
  }

  /**
   * Codex settings ({@code codex}).
   *
   * @return the settings, defaults filled in
   */
  @JsonProperty("codex")
  @Value.Default
  public CodexConfig codex() {
    return CodexConfig.builder().build();
  }

  /**
   * How megaplan is installed and launched ({@code megaplan}).
   *
   * @return the settings, defaults filled in
   */
  @JsonProperty("megaplan")
  @Value.Default
  public MegaplanConfig megaplan() {
    return MegaplanConfig.builder().build();
  }

  /**
   * The {@code auto} block; present exactly when {@link #mode()} is {@link Mode#AUTO}.
   *
   * @return the block, or empty
   */
  @JsonProperty("auto")
  public abstract Optional<AutoConfig> auto();

  /**
   * The {@code chain} block; present exactly when {@link #mode()} is {@link Mode#CHAIN}.
   *
   * @return the block, or empty
   */
  @JsonProperty("chain")
  public abstract Optional<ChainConfig> chain();

  /**
   * The explicit chain tmux session: the top-level {@code chain_session}, else {@code
   * chain.chain_session}. Empty means "derived" (a chain launch derives a per-chain session).
   *
   * @return the explicit session, or empty
   */
  @JsonProperty("chain_session")
  public abstract Optional<String> chainSession();

  /**
   * The explicit chain session, else {@value #DEFAULT_CHAIN_SESSION}.
   *
   * @return the session name
   */
  @JsonIgnore
  public String effectiveChainSession() {
    return chainSession().orElse(DEFAULT_CHAIN_SESSION);
  }

  /**
   * Chain driver overrides ({@code driver}); empty overrides by default.
   *
   * @return the overrides
   */
  @JsonProperty("driver")
  @Value.Default
  public DriverConfig driver() {
    return DriverConfig.builder().build();
  }

  /**
   * The box's resources ({@code resources}).
   *
   * @return the resources, defaults filled in
   */
  @JsonProperty("resources")
  @Value.Default
  public ResourcesConfig resources() {
    return ResourcesConfig.builder().build();
  }

  /**
   * The runner image ({@code image}): the Dockerfile's base, or a prebuilt image to deploy.
   *
   * @return the image settings, defaults filled in
   */
  @JsonProperty("image")
  @Value.Default
  public ImageConfig image() {
    return ImageConfig.builder().build();
  }

  /**
   * Railway settings ({@code railway}); always present, defaults filled in.
   *
   * @return the settings
   */
  @JsonProperty("railway")
  @Value.Default
  public RailwayConfig railway() {
    return RailwayConfig.builder().build();
  }

  /**
   * Local (Docker Compose) settings ({@code local}); present when the provider is {@code local} or
   * the block is written.
   *
   * @return the settings, or empty
   */
  @JsonProperty("local")
  public abstract Optional<LocalConfig> local();

  /**
   * SSH settings ({@code ssh}); present when the provider is {@code ssh} or the block is written.
   *
   * @return the settings, or empty
   */
  @JsonProperty("ssh")
  public abstract Optional<SshConfig> ssh();

  /**
   * Host provider settings ({@code host}); present when the provider is {@code host} or the block
   * is written.
   *
   * @return the settings, or empty
   */
  @JsonProperty("host")
  public abstract Optional<HostConfig> host();

  /**
   * Kubernetes settings ({@code kubernetes}); present when the provider is {@code kubernetes} or
   * the block is written.
   *
   * @return the settings, or empty
   */
  @JsonProperty("kubernetes")
  public abstract Optional<KubernetesConfig> kubernetes();

  /**
   * Names of local environment variables that are secrets ({@code secrets}): uploaded on deploy,
   * redacted from output. Never their values.
   *
   * @return the names, in file order
   */
  @JsonProperty("secrets")
  public abstract List<String> secrets();

  /**
   * Extra toolchains layered into the image ({@code toolchains}).
   *
   * @return the toolchains, in file order
   */
  @JsonProperty("toolchains")
  public abstract List<Toolchain> toolchains();

  /**
   * The cloud.yaml file this config was loaded from, when it came from a file. Not rendered and not
   * part of equality.
   *
   * @return the file, or empty
   */
  @JsonIgnore
  @Value.Auxiliary
  public abstract Optional<Path> source();
}
