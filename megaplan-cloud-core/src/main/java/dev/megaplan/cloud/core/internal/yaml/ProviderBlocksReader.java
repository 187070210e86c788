package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.config.CodexAuth;
import dev.megaplan.cloud.api.config.CodexConfig;
import dev.megaplan.cloud.api.config.CodexReasoning;
import dev.megaplan.cloud.api.config.DriverConfig;
import dev.megaplan.cloud.api.config.HostConfig;
import dev.megaplan.cloud.api.config.ImageConfig;
import dev.megaplan.cloud.api.config.LocalConfig;
import dev.megaplan.cloud.api.config.MegaplanConfig;
import dev.megaplan.cloud.api.config.RailwayConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.config.ResourcesConfig;
import dev.megaplan.cloud.api.config.SshConfig;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads cloud.yaml's settings blocks: {@code codex}, {@code megaplan}, {@code driver}, {@code
 * resources}, {@code image} and the provider blocks {@code railway}, {@code local}, {@code ssh},
 * {@code host}.
 */
final class ProviderBlocksReader {
  private static final int MAX_PORT = 65535;
  private static final List<String> CODEX_KEYS = List.of("model", "reasoning");
  private static final List<String> MEGAPLAN_KEYS =
      List.of("ref", "repo", "install_spec", "src_path", "codex_auth", "command");
  private static final List<String> DRIVER_KEYS =
      List.of("max_stall_iterations", "stall_threshold");
  private static final List<String> RESOURCES_KEYS = List.of("volume", "port");
  private static final List<String> IMAGE_KEYS = List.of("base", "ref");
  private static final List<String> RAILWAY_KEYS =
      List.of("service", "session", "project", "environment", "api_url");
  private static final List<String> LOCAL_KEYS = List.of("compose_project", "workdir");
  private static final List<String> SSH_KEYS =
      List.of("host", "user", "port", "identity_file", "remote_dir", "container", "known_hosts");
  private static final List<String> HOST_KEYS = List.of("root");

  private final HomeDirectory home;

  ProviderBlocksReader(HomeDirectory home) {
    this.home = home;
  }

  CodexConfig codex(YamlMap doc, CloudConfigReader.Warnings warnings) {
    CodexConfig.Builder builder = CodexConfig.builder();
    block(doc, "codex", CODEX_KEYS, warnings)
        .ifPresent(
            codex -> {
              codex
                  .get("reasoning")
                  .ifPresent(
                      v ->
                          builder.reasoning(
                              CodexReasoning.fromWireName(
                                      v.asOneOf(List.of("minimal", "low", "medium", "high")))
                                  .orElseThrow()));
              codex.get("model").ifPresent(v -> builder.model(v.asNonEmptyString()));
            });
    return builder.build();
  }

  MegaplanConfig megaplan(YamlMap doc, CloudConfigReader.Warnings warnings) {
    MegaplanConfig.Builder builder = MegaplanConfig.builder();
    block(doc, "megaplan", MEGAPLAN_KEYS, warnings)
        .ifPresent(
            megaplan -> {
              megaplan
                  .get("codex_auth")
                  .ifPresent(
                      v ->
                          builder.codexAuth(
                              CodexAuth.fromWireName(v.asOneOf(List.of("chatgpt", "apikey")))
                                  .orElseThrow()));
              megaplan.get("ref").ifPresent(v -> builder.ref(v.asNonEmptyString()));
              builder.repo(optionalString(megaplan, "repo"));
              builder.installSpec(optionalString(megaplan, "install_spec"));
              megaplan.get("src_path").ifPresent(v -> builder.srcPath(v.asAbsolutePosixPath()));
              megaplan.get("command").ifPresent(v -> builder.command(v.asNonEmptyString()));
            });
    return builder.build();
  }

  DriverConfig driver(YamlMap doc, CloudConfigReader.Warnings warnings) {
    Optional<YamlMap> driver = block(doc, "driver", DRIVER_KEYS, warnings);
    if (driver.isEmpty()) {
      return DriverConfig.builder().build();
    }
    return DriverConfig.builder()
        .maxStallIterations(maxStallIterations(driver.get(), warnings))
        .build();
  }

  /**
   * {@code max_stall_iterations}, else its alias {@code stall_threshold}, as the Python tool reads
   * them: when {@code max_stall_iterations} is written (even as null) the alias is not looked at.
   */
  private static OptionalInt maxStallIterations(
      YamlMap driver, CloudConfigReader.Warnings warnings) {
    Optional<YamlValue> primary = driver.written("max_stall_iterations");
    Optional<YamlValue> alias = driver.written("stall_threshold");
    if (primary.isPresent() && alias.isPresent()) {
      warnings.addAll(
          List.of(
              "driver.stall_threshold"
                  + alias.get().location()
                  + " is ignored: driver.max_stall_iterations is read first"));
    }
    Optional<YamlValue> value = primary.isPresent() ? primary : alias;
    return value.filter(v -> !v.isNull()).isPresent()
        ? OptionalInt.of(value.get().asIntInRange(1, Integer.MAX_VALUE))
        : OptionalInt.empty();
  }

  ResourcesConfig resources(YamlMap doc, CloudConfigReader.Warnings warnings) {
    ResourcesConfig.Builder builder = ResourcesConfig.builder();
    block(doc, "resources", RESOURCES_KEYS, warnings)
        .ifPresent(
            resources -> {
              builder.volume(optionalString(resources, "volume"));
              resources.get("port").ifPresent(v -> builder.port(v.asIntInRange(1, MAX_PORT)));
            });
    return builder.build();
  }

  ImageConfig image(YamlMap doc, CloudConfigReader.Warnings warnings) {
    ImageConfig.Builder builder = ImageConfig.builder();
    block(doc, "image", IMAGE_KEYS, warnings)
        .ifPresent(
            image -> {
              image.get("base").ifPresent(v -> builder.base(imageReference(v)));
              image.get("ref").ifPresent(v -> builder.ref(imageReference(v)));
              if (image.get("base").isPresent() && image.get("ref").isPresent()) {
                warnings.addAll(
                    List.of(
                        "image.base is not used when image.ref is set: deploy runs the prebuilt"
                            + " image"
                            + image.require("base").location()));
              }
            });
    return builder.build();
  }

  private static String imageReference(YamlValue value) {
    String reference = value.asNonEmptyString().strip();
    if (!ImageReference.isValid(reference)) {
      throw value.error(
          "must be a Docker image reference such as ubuntu:24.04 or"
              + " registry.example.com/team/runner:1.2, got "
              + value.describe());
    }
    return reference;
  }

  RailwayConfig railway(YamlMap doc, CloudConfigReader.Warnings warnings) {
    RailwayConfig.Builder builder = RailwayConfig.builder();
    block(doc, "railway", RAILWAY_KEYS, warnings)
        .ifPresent(
            railway -> {
              railway.get("service").ifPresent(v -> builder.service(v.asNonEmptyString()));
              railway.get("session").ifPresent(v -> builder.session(v.asSessionName()));
              builder.project(optionalString(railway, "project"));
              builder.environment(optionalString(railway, "environment"));
              railway.get("api_url").ifPresent(v -> builder.apiUrl(httpUrl(v)));
            });
    return builder.build();
  }

  private static String httpUrl(YamlValue value) {
    String url = value.isString() ? value.asString() : "";
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw value.error("must be an http:// or https:// URL, got " + value.describe());
    }
    return url;
  }

  Optional<LocalConfig> local(YamlMap doc, String provider, CloudConfigReader.Warnings warnings) {
    Optional<YamlMap> local = block(doc, "local", LOCAL_KEYS, warnings);
    if (local.isEmpty() && !provider.equals("local")) {
      return Optional.empty();
    }
    LocalConfig.Builder builder = LocalConfig.builder();
    local.ifPresent(
        block -> {
          block.get("compose_project").ifPresent(v -> builder.composeProject(v.asNonEmptyString()));
          block.get("workdir").ifPresent(v -> builder.workdir(v.asNonEmptyString()));
        });
    return Optional.of(builder.build());
  }

  Optional<SshConfig> ssh(YamlMap doc, String provider, CloudConfigReader.Warnings warnings) {
    Optional<YamlMap> block = block(doc, "ssh", SSH_KEYS, warnings);
    if (block.isEmpty()) {
      if (provider.equals("ssh")) {
        throw doc.missing("ssh.host", " when provider is ssh");
      }
      return Optional.empty();
    }
    YamlMap ssh = block.get();
    SshConfig.Builder builder =
        SshConfig.builder()
            .host(
                ssh.get("host")
                    .orElseThrow(() -> ssh.missing("host", " when the ssh block is given"))
                    .asNonEmptyString())
            .user(optionalString(ssh, "user"))
            .identityFile(optionalString(ssh, "identity_file").map(home::expand))
            .knownHosts(
                home.expand(optionalString(ssh, "known_hosts").orElse("~/.ssh/known_hosts")));
    ssh.get("port").ifPresent(v -> builder.port(v.asIntInRange(1, MAX_PORT)));
    ssh.get("remote_dir").ifPresent(v -> builder.remoteDir(v.asAbsolutePosixPath()));
    ssh.get("container").ifPresent(v -> builder.container(v.asNonEmptyString()));
    return Optional.of(builder.build());
  }

  Optional<HostConfig> host(
      YamlMap doc, String provider, RepoConfig repo, CloudConfigReader.Warnings warnings) {
    Optional<YamlMap> block = block(doc, "host", HOST_KEYS, warnings);
    if (block.isEmpty() && !provider.equals("host")) {
      return Optional.empty();
    }
    Optional<YamlValue> written = block.flatMap(host -> host.get("root"));
    String root =
        written.isPresent()
            ? home.expand(written.get().asNonEmptyString())
            : home.path()
                .resolve(".megaplan/cloud/host")
                .resolve(RepoDirName.of(repo.url()))
                .toString();
    if (written.isPresent()) {
      // before Path.of, which cannot take a NUL
      Optional<String> control = BoxValues.textProblem(root);
      if (control.isPresent()) {
        throw written.get().error(control.get());
      }
    }
    if (!Path.of(root).isAbsolute()) {
      throw written
          .get()
          .error("must be an absolute path (after ~ expansion), got " + written.get().describe());
    }
    if (written.isPresent()) {
      Optional<String> problem = BoxValues.pathProblem(root);
      if (problem.isPresent()) {
        throw written
            .get()
            .error(problem.get() + " (after ~ expansion), got " + written.get().describe());
      }
    }
    return Optional.of(HostConfig.builder().root(root).build());
  }

  /** A block; null or an empty mapping reads as no block, as in the Python tool. */
  private static Optional<YamlMap> block(
      YamlMap doc, String name, List<String> keys, CloudConfigReader.Warnings warnings) {
    Optional<YamlMap> block = doc.get(name).map(YamlValue::asMap).filter(b -> !b.isEmpty());
    block.ifPresent(b -> warnings.addAll(b.unknownKeyWarnings(keys)));
    return block;
  }

  private static Optional<String> optionalString(YamlMap block, String key) {
    return block.get(key).map(YamlValue::asNonEmptyString);
  }
}
