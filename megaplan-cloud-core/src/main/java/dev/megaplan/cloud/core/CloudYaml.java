package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.config.RepoOverrides;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import dev.megaplan.cloud.core.internal.yaml.CloudConfigReader;
import dev.megaplan.cloud.core.internal.yaml.HomeDirectory;
import dev.megaplan.cloud.core.internal.yaml.PosixPaths;
import dev.megaplan.cloud.core.internal.yaml.YamlDocuments;
import dev.megaplan.cloud.core.internal.yaml.YamlText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The front door for cloud.yaml: loads and validates a file into a {@link CloudConfig} (every
 * default and rule of docs/configuration.md), applies {@code --repo-*} overrides, and supplies the
 * starter file {@code cloud init} writes.
 *
 * <pre>{@code
 * CloudConfig cfg = CloudYaml.load(Path.of("cloud.yaml"));
 * }</pre>
 *
 * <p>Every failure is a {@link CloudException}: {@code invalid_spec} with a message naming the
 * field by its dotted path and, where known, its {@code (cloud.yaml:LINE:COL)}; {@code
 * future_provider} for {@code provider: fly}. The static methods expand {@code ~} against the
 * {@code user.home} system property; use {@link #loader()} with {@link Loader#homeDirectory(Path)}
 * to inject another home directory.
 */
public final class CloudYaml {
  private static final String TEMPLATE = "cloud.yaml.template";
  private static final String DEFAULT_SOURCE_NAME = "cloud.yaml";

  private CloudYaml() {}

  /**
   * Loads and validates a cloud.yaml file.
   *
   * @param file the file
   * @return the configuration, defaults filled in, {@link CloudConfig#source()} set
   * @throws CloudException {@code invalid_spec} or {@code future_provider}
   */
  public static CloudConfig load(Path file) {
    return loader().load(file);
  }

  /**
   * Loads and validates a cloud.yaml file, keeping the warnings {@code config validate} prints.
   *
   * @param file the file
   * @return the configuration and its warnings (unknown keys)
   * @throws CloudException {@code invalid_spec} or {@code future_provider}
   */
  public static LoadedConfig inspect(Path file) {
    return loader().inspect(file);
  }

  /**
   * Parses cloud.yaml text; messages name the source {@code cloud.yaml}.
   *
   * @param yaml the text
   * @return the configuration, with no {@link CloudConfig#source()}
   * @throws CloudException {@code invalid_spec} or {@code future_provider}
   */
  public static CloudConfig parse(String yaml) {
    return loader().parse(yaml);
  }

  /**
   * A loader that uses the {@code user.home} system property as the home directory.
   *
   * @return a loader
   */
  public static Loader loader() {
    return new Loader(Path.of(System.getProperty("user.home")));
  }

  /**
   * Replaces the primary repository's url, branch or workspace in memory ({@code --repo-url},
   * {@code --repo-branch}, {@code --repo-workspace}). An overridden workspace must be an absolute,
   * normalised POSIX path without control characters, counts as explicit, and must not collide with
   * an {@code extra_repos} workspace.
   *
   * @param config the loaded configuration
   * @param overrides the replacements
   * @return a copy with the overrides applied, or {@code config} itself when there are none
   * @throws CloudException {@code invalid_args} for an empty value, a relative, unnormalised or
   *     control-character workspace, or a collision
   */
  public static CloudConfig applyOverrides(CloudConfig config, RepoOverrides overrides) {
    if (overrides.isEmpty()) {
      return config;
    }
    RepoConfig repo = config.repo();
    if (overrides.url().isPresent()) {
      repo = repo.withUrl(nonEmpty(overrides.url().get(), "--repo-url"));
    }
    if (overrides.branch().isPresent()) {
      repo = repo.withBranch(nonEmpty(overrides.branch().get(), "--repo-branch"));
    }
    if (overrides.workspace().isPresent()) {
      String workspace = overrides.workspace().get();
      if (!workspace.startsWith("/")) {
        throw new CloudException(
            ErrorCode.INVALID_ARGS,
            "--repo-workspace must be an absolute POSIX path (starting with /), got '"
                + workspace
                + "'");
      }
      Optional<String> problem = BoxValues.pathProblem(workspace);
      if (problem.isPresent()) {
        throw new CloudException(ErrorCode.INVALID_ARGS, "--repo-workspace " + problem.get());
      }
      for (int i = 0; i < config.extraRepos().size(); i++) {
        if (PosixPaths.normalize(config.extraRepos().get(i).workspace())
            .equals(PosixPaths.normalize(workspace))) {
          throw new CloudException(
              ErrorCode.INVALID_ARGS,
              "--repo-workspace collides with extra_repos[" + i + "].workspace");
        }
      }
      repo = repo.withWorkspace(workspace).withWorkspaceExplicit(true);
    }
    return config.withRepo(repo);
  }

  /**
   * {@link #applyOverrides(CloudConfig, RepoOverrides)} with the three values given one by one.
   *
   * @param config the loaded configuration
   * @param url a replacement for {@code repo.url}
   * @param branch a replacement for {@code repo.branch}
   * @param workspace a replacement for {@code repo.workspace} (absolute)
   * @return a copy with the overrides applied
   */
  public static CloudConfig withRepoOverrides(
      CloudConfig config,
      Optional<String> url,
      Optional<String> branch,
      Optional<String> workspace) {
    return applyOverrides(
        config, RepoOverrides.builder().url(url).branch(branch).workspace(workspace).build());
  }

  /**
   * The commented starter cloud.yaml {@code cloud init} writes: every section of the reference,
   * optional ones commented out. It loads without error.
   *
   * @return the file's text
   */
  public static String starterTemplate() {
    try (InputStream in = CloudYaml.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TEMPLATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nonEmpty(String value, String flag) {
    if (value.isBlank()) {
      throw new CloudException(ErrorCode.INVALID_ARGS, flag + " must not be empty");
    }
    return value;
  }

  /** Loads cloud.yaml with an explicit home directory for {@code ~} expansion. Immutable. */
  public static final class Loader {
    private final Path home;

    private Loader(Path home) {
      this.home = Objects.requireNonNull(home, "home");
    }

    /**
     * A loader expanding {@code ~} (in {@code ssh.identity_file}, {@code ssh.known_hosts}, {@code
     * host.root}) against another home directory.
     *
     * @param homeDirectory the home directory
     * @return a new loader
     */
    public Loader homeDirectory(Path homeDirectory) {
      return new Loader(homeDirectory);
    }

    /**
     * Loads and validates a file.
     *
     * @param file the file
     * @return the configuration
     */
    public CloudConfig load(Path file) {
      return inspect(file).config();
    }

    /**
     * Loads and validates a file, keeping warnings.
     *
     * @param file the file
     * @return the configuration and its warnings
     */
    public LoadedConfig inspect(Path file) {
      String name = sourceName(file);
      String text = YamlText.decode(YamlText.readBytes(file), name);
      return read(text, name, Optional.of(file));
    }

    /**
     * Parses text; messages name the source {@code cloud.yaml}.
     *
     * @param yaml the text
     * @return the configuration
     */
    public CloudConfig parse(String yaml) {
      return inspect(yaml, DEFAULT_SOURCE_NAME).config();
    }

    /**
     * Parses text, keeping warnings.
     *
     * @param yaml the text
     * @param sourceName the name messages use, such as {@code cloud.yaml}
     * @return the configuration and its warnings
     */
    public LoadedConfig inspect(String yaml, String sourceName) {
      return read(yaml, sourceName, Optional.empty());
    }

    private LoadedConfig read(String text, String sourceName, Optional<Path> source) {
      CloudConfigReader.Result result =
          new CloudConfigReader(new HomeDirectory(home))
              .read(
                  YamlDocuments.compose(text, sourceName, YamlDocuments.DuplicateKeys.REFUSE)
                      .root(),
                  sourceName,
                  source);
      return new LoadedConfig(result.config(), result.warnings());
    }

    private static String sourceName(Path file) {
      Path name = file.getFileName();
      return name == null ? file.toString() : name.toString();
    }
  }
}
