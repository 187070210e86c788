package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The whole of cloud.yaml, defaults filled in. Holds secret names only, never their values. Load it
 * with {@code CloudYaml.load(path)} (core); this value does no I/O.
 */
@Value.Immutable
abstract class AbstractCloudConfig {
  /** The provider name, resolved through {@code ServiceLoader}; {@code railway} by default. */
  @JsonProperty("provider")
  @Value.Default
  public String provider() {
    return "railway";
  }

  /** The primary repository. */
  @JsonProperty("repo")
  public abstract RepoConfig repo();

  /** Names of local environment variables that are secrets (uploaded on deploy, redacted). */
  @JsonProperty("secrets")
  public abstract List<String> secrets();

  /** The cloud.yaml file this config was loaded from, when it came from a file. */
  @JsonIgnore
  @Value.Auxiliary
  public abstract Optional<Path> source();
}
