package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.Agent;
import dev.megaplan.cloud.api.config.AgentsConfig;
import dev.megaplan.cloud.api.config.AutoConfig;
import dev.megaplan.cloud.api.config.ChainConfig;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.CodexConfig;
import dev.megaplan.cloud.api.config.Mode;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.config.Toolchain;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Maps a composed cloud.yaml to a {@link CloudConfig}, applying every default and rule of
 * docs/configuration.md, and collects warnings for unknown keys. The provider blocks are read by
 * {@link ProviderBlocksReader}.
 */
public final class CloudConfigReader {
  private static final List<String> REPO_KEYS = List.of("url", "branch", "workspace");
  private static final List<String> AUTO_KEYS = List.of("plan_name", "idea_file", "robustness");
  private static final List<String> CHAIN_KEYS = List.of("spec", "chain_session");
  private static final List<String> AGENT_NAMES =
      Arrays.stream(Agent.values()).map(Agent::wireName).collect(Collectors.toList());

  private final ProviderBlocksReader blocks;

  /**
   * Creates a reader.
   *
   * @param home expands {@code ~} in local paths
   */
  public CloudConfigReader(HomeDirectory home) {
    this.blocks = new ProviderBlocksReader(home);
  }

  /** A config and the warnings found while reading it. */
  public static final class Result {
    private final CloudConfig config;
    private final List<String> warnings;

    Result(CloudConfig config, List<String> warnings) {
      this.config = config;
      this.warnings = List.copyOf(warnings);
    }

    /**
     * The config.
     *
     * @return the config
     */
    public CloudConfig config() {
      return config;
    }

    /**
     * Warnings such as {@code unknown key 'provder' (cloud.yaml:1:1)}.
     *
     * @return the warnings, in file order
     */
    public List<String> warnings() {
      return warnings;
    }
  }

  /**
   * Reads a composed document.
   *
   * @param root the root node, empty for an empty document (read as an empty mapping)
   * @param sourceName the file name used in messages
   * @param source the file, when read from one
   * @return the config and its warnings
   * @throws CloudException {@code invalid_spec} or {@code future_provider}
   */
  public Result read(Optional<Node> root, String sourceName, Optional<Path> source) {
    Node node = root.orElseGet(() -> new MappingNode(Tag.MAP, List.of(), FlowStyle.BLOCK));
    if (!(node instanceof MappingNode)) {
      throw new CloudException(
          ErrorCode.INVALID_SPEC,
          "cloud spec must be a YAML mapping" + YamlLocation.suffix(sourceName, node));
    }
    YamlMap doc = YamlValue.root(node, sourceName).asMap();
    Warnings warnings = new Warnings(doc.unknownKeyWarnings(CloudConfig.fileKeys()));

    // the Python tool's order, so that the first error reported is the one it would report
    String provider = readProvider(doc);
    RepoConfig repo = readRepo(doc, warnings);
    List<RepoConfig> extraRepos = readExtraRepos(doc, repo, warnings);
    CodexConfig codex = blocks.codex(doc, warnings);
    Mode mode =
        doc.get("mode")
            .map(v -> Mode.fromWireName(v.asOneOf(List.of("auto", "chain", "idle"))).orElseThrow())
            .orElse(Mode.IDLE);
    CloudConfig.Builder config =
        CloudConfig.builder()
            .provider(provider)
            .mode(mode)
            .repo(repo)
            .extraRepos(extraRepos)
            .codex(codex)
            .agents(readAgents(doc))
            .megaplan(blocks.megaplan(doc, warnings))
            .resources(blocks.resources(doc, warnings))
            .image(blocks.image(doc, warnings))
            .railway(blocks.railway(doc, warnings))
            .local(blocks.local(doc, provider, warnings))
            .ssh(blocks.ssh(doc, provider, warnings))
            .host(blocks.host(doc, provider, repo, warnings))
            .kubernetes(KubernetesBlockReader.read(doc, provider, warnings))
            .source(source);
    Optional<ChainConfig> chain = Optional.empty();
    if (mode == Mode.AUTO) {
      config.auto(readAuto(doc, warnings));
    }
    if (mode == Mode.CHAIN) {
      chain = Optional.of(readChain(doc, warnings));
      config.chain(chain);
    }
    config
        .driver(blocks.driver(doc, warnings))
        .chainSession(readChainSession(doc, chain))
        .secrets(readSecrets(doc))
        .toolchains(readToolchains(doc));
    return new Result(config.build(), warnings.list());
  }

  private static String readProvider(YamlMap doc) {
    Optional<YamlValue> value = doc.get("provider");
    if (value.isEmpty()) {
      return "railway";
    }
    String provider = value.get().asNonEmptyString().strip();
    if (provider.equals("fly")) {
      throw new CloudException(
          ErrorCode.FUTURE_PROVIDER,
          "provider 'fly' is reserved for a future release" + value.get().location());
    }
    return provider;
  }

  /** {@code repo}: a missing, null or empty block is a missing {@code repo.url}. */
  private static RepoConfig readRepo(YamlMap doc, Warnings warnings) {
    Optional<YamlValue> value = doc.get("repo");
    if (value.isEmpty() || (value.get().isMap() && value.get().asMap().isEmpty())) {
      YamlValue at = doc.written("repo").orElse(null);
      throw new CloudException(
          ErrorCode.INVALID_SPEC,
          "repo.url is required" + (at == null ? doc.location() : at.location()));
    }
    YamlMap repo = value.get().asMap();
    warnings.addAll(repo.unknownKeyWarnings(REPO_KEYS));
    RepoConfig.Builder builder = RepoConfig.builder().url(repo.require("url").asNonEmptyString());
    repo.get("branch").ifPresent(v -> builder.branch(v.asNonEmptyString()));
    repo.get("workspace").ifPresent(v -> builder.workspace(v.asBoxPath()).workspaceExplicit(true));
    return builder.build();
  }

  private static List<RepoConfig> readExtraRepos(YamlMap doc, RepoConfig primary, Warnings w) {
    Optional<YamlValue> value = doc.get("extra_repos");
    if (value.isEmpty()) {
      return List.of();
    }
    Map<String, String> owners = new LinkedHashMap<>();
    owners.put(PosixPaths.normalize(primary.workspace()), "repo.workspace");
    List<RepoConfig> repos = new ArrayList<>();
    for (YamlValue item : value.get().asList()) {
      if (item.isNull()) {
        // the Python tool reads a null entry as an empty mapping
        throw new CloudException(
            ErrorCode.INVALID_SPEC,
            YamlPaths.child(item.path(), "url") + " is required" + item.location());
      }
      YamlMap entry = item.asMap();
      w.addAll(entry.unknownKeyWarnings(REPO_KEYS));
      RepoConfig.Builder builder =
          RepoConfig.builder().url(entry.require("url").asNonEmptyString());
      entry.get("branch").ifPresent(v -> builder.branch(v.asNonEmptyString()));
      YamlValue workspace = entry.require("workspace");
      // extra checkouts never reach tmux: any absolute spelling loads, without control characters
      String path = workspace.asAbsolutePosixPath();
      BoxValues.textProblem(path)
          .ifPresent(
              problem -> {
                throw workspace.error(problem);
              });
      String owner = owners.putIfAbsent(PosixPaths.normalize(path), workspace.path());
      if (owner != null) {
        throw workspace.error("collides with " + owner);
      }
      repos.add(builder.workspace(path).workspaceExplicit(true).build());
    }
    return repos;
  }

  private static AgentsConfig readAgents(YamlMap doc) {
    Optional<YamlValue> value = doc.get("agents");
    if (value.isEmpty()) {
      return AgentsConfig.builder().build();
    }
    YamlMap agents = value.get().asMap();
    AgentsConfig.Builder builder = AgentsConfig.builder();
    for (String key : agents.keys()) {
      Optional<YamlValue> entry = agents.get(key);
      if (!key.equals("default") && !AgentsConfig.STEPS.contains(key)) {
        YamlValue located = entry.orElseGet(() -> value.get());
        throw new CloudException(
            ErrorCode.INVALID_SPEC,
            YamlPaths.child("agents", key)
                + " is not a megaplan step; use default or one of "
                + String.join(", ", AgentsConfig.STEPS)
                + located.location());
      }
      if (entry.isEmpty()) {
        continue;
      }
      Agent agent = Agent.fromWireName(entry.get().asOneOf(AGENT_NAMES)).orElseThrow();
      if (key.equals("default")) {
        builder.defaultAgent(agent);
      } else {
        builder.putSteps(key, agent);
      }
    }
    return builder.build();
  }

  private static AutoConfig readAuto(YamlMap doc, Warnings warnings) {
    YamlMap auto = requireModeBlock(doc, "auto", "plan_name", "auto");
    warnings.addAll(auto.unknownKeyWarnings(AUTO_KEYS));
    AutoConfig.Builder builder =
        AutoConfig.builder()
            .planName(requireForMode(auto, "plan_name", "auto").asNonEmptyString())
            .ideaFile(requireForMode(auto, "idea_file", "auto").asAbsolutePosixPath());
    auto.get("robustness").ifPresent(v -> builder.robustness(v.asNonEmptyString()));
    return builder.build();
  }

  private static ChainConfig readChain(YamlMap doc, Warnings warnings) {
    YamlMap chain = requireModeBlock(doc, "chain", "spec", "chain");
    warnings.addAll(chain.unknownKeyWarnings(CHAIN_KEYS));
    ChainConfig.Builder builder =
        ChainConfig.builder().spec(requireForMode(chain, "spec", "chain").asAbsolutePosixPath());
    chain.get("chain_session").ifPresent(v -> builder.chainSession(v.asSessionName()));
    return builder.build();
  }

  private static YamlMap requireModeBlock(YamlMap doc, String block, String firstKey, String mode) {
    return doc.get(block)
        .orElseThrow(() -> missingForMode(doc, block + "." + firstKey, mode))
        .asMap();
  }

  private static YamlValue requireForMode(YamlMap block, String key, String mode) {
    return block.get(key).orElseThrow(() -> block.missing(key, " when mode is " + mode));
  }

  private static CloudException missingForMode(YamlMap doc, String field, String mode) {
    String location = doc.get("mode").map(YamlValue::location).orElse(doc.location());
    return new CloudException(
        ErrorCode.INVALID_SPEC, field + " is required when mode is " + mode + location);
  }

  /**
   * The explicit chain session: the top-level {@code chain_session}, else {@code
   * chain.chain_session} (read only in chain mode). As in the Python tool, a top-level {@code
   * chain_session: null} still counts as explicit, with the value it would default to.
   */
  private static Optional<String> readChainSession(YamlMap doc, Optional<ChainConfig> chain) {
    Optional<String> inChainBlock = chain.flatMap(ChainConfig::chainSession);
    Optional<YamlValue> topLevel = doc.written("chain_session");
    if (topLevel.isEmpty()) {
      return inChainBlock;
    }
    if (topLevel.get().isNull()) {
      return Optional.of(inChainBlock.orElse(CloudConfig.DEFAULT_CHAIN_SESSION));
    }
    return Optional.of(topLevel.get().asSessionName());
  }

  private static List<String> readSecrets(YamlMap doc) {
    Optional<YamlValue> value = doc.get("secrets");
    if (value.isEmpty()) {
      return List.of();
    }
    if (!value.get().isList()) {
      throw notStrings(value.get(), ", got " + value.get().describe());
    }
    List<String> names = new ArrayList<>();
    for (YamlValue item : value.get().asList()) {
      if (!item.isString() || item.asString().isBlank()) {
        throw notStrings(item, "; " + item.path() + " is " + item.describe());
      }
      names.add(item.asString());
    }
    return names;
  }

  private static CloudException notStrings(YamlValue at, String detail) {
    return new CloudException(
        ErrorCode.INVALID_SPEC, "secrets must be a list of strings" + detail + at.location());
  }

  private static List<Toolchain> readToolchains(YamlMap doc) {
    Optional<YamlValue> value = doc.get("toolchains");
    if (value.isEmpty()) {
      return List.of();
    }
    List<Toolchain> toolchains = new ArrayList<>();
    for (YamlValue item : value.get().asList()) {
      if (item.isScalar()) {
        if (!item.isString() || !Toolchain.ALIASES.contains(item.asString())) {
          throw item.error(
              "must be one of "
                  + String.join(", ", Toolchain.ALIASES)
                  + " or a {name, install} mapping, got "
                  + item.describe());
        }
        toolchains.add(Toolchain.alias(item.asString()));
      } else if (item.isMap()) {
        YamlMap custom = item.asMap();
        toolchains.add(
            Toolchain.custom(
                custom.require("name").asNonEmptyString(),
                custom.require("install").asNonEmptyString()));
      } else {
        throw item.error(
            "must be a toolchain alias or a {name, install} mapping, got " + item.describe());
      }
    }
    return toolchains;
  }

  /** Collects warnings in file order. */
  static final class Warnings {
    private final List<String> list = new ArrayList<>();

    Warnings(List<String> initial) {
      list.addAll(initial);
    }

    void addAll(List<String> more) {
      list.addAll(more);
    }

    List<String> list() {
      return list;
    }
  }
}
