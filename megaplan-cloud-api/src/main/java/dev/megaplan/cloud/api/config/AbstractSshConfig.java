package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;

/** Settings of the {@code ssh} provider ({@code ssh}). */
@Value.Immutable
@JsonPropertyOrder({
  "host",
  "user",
  "port",
  "identity_file",
  "remote_dir",
  "container",
  "known_hosts"
})
abstract class AbstractSshConfig {
  /**
   * The remote SSH host ({@code ssh.host}).
   *
   * @return a non-empty host name
   */
  @JsonProperty("host")
  public abstract String host();

  /**
   * The SSH user name ({@code ssh.user}), when set.
   *
   * @return the user, or empty
   */
  @JsonProperty("user")
  public abstract Optional<String> user();

  /**
   * The SSH port ({@code ssh.port}); 22 by default.
   *
   * @return a port in 1..65535
   */
  @JsonProperty("port")
  @Value.Default
  public int port() {
    return 22;
  }

  /**
   * The private key file ({@code ssh.identity_file}), when set; {@code CloudYaml} has already
   * expanded a leading {@code ~}.
   *
   * @return the local path, or empty
   */
  @JsonProperty("identity_file")
  public abstract Optional<String> identityFile();

  /**
   * Absolute POSIX directory on the host for the Docker build context and {@code .env} ({@code
   * ssh.remote_dir}); {@code /tmp/megaplan-cloud} by default.
   *
   * @return the path
   */
  @JsonProperty("remote_dir")
  @Value.Default
  public String remoteDir() {
    return "/tmp/megaplan-cloud";
  }

  /**
   * The remote container name and image tag ({@code ssh.container}); {@code megaplan-cloud-agent}
   * by default.
   *
   * @return the name
   */
  @JsonProperty("container")
  @Value.Default
  public String container() {
    return "megaplan-cloud-agent";
  }

  /**
   * The known-hosts file that verifies the host key ({@code ssh.known_hosts}). {@code CloudYaml}
   * fills in the user's {@code ~/.ssh/known_hosts}, expanded; a value built in code without it
   * keeps the unexpanded default {@code ~/.ssh/known_hosts}.
   *
   * @return the local path
   */
  @JsonProperty("known_hosts")
  @Value.Default
  public String knownHosts() {
    return "~/.ssh/known_hosts";
  }
}
