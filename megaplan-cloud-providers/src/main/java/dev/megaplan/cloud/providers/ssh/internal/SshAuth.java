package dev.megaplan.cloud.providers.ssh.internal;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses how a connection authenticates, in the order 07 names: the configured {@code
 * identity_file} (an encrypted one with {@code SSH_KEY_PASSPHRASE}, else through the agent), else
 * the ssh-agent ({@code SSH_AUTH_SOCK}), else the default key files of {@code ~/.ssh}. Returns what
 * it chose, for error messages; the passphrase itself never appears in one.
 */
final class SshAuth {
  static final String PASSPHRASE_VARIABLE = "SSH_KEY_PASSPHRASE";
  private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

  private SshAuth() {}

  /**
   * Configures the identities of a JSch instance.
   *
   * @return a description of the credentials offered, for example {@code key /home/u/.ssh/id}
   */
  static String configure(JSch jsch, SshEndpoint endpoint) {
    String passphrase = endpoint.environment().apply(PASSPHRASE_VARIABLE);
    if (endpoint.identityFile().isPresent()) {
      Path key = expand(endpoint.identityFile().get(), endpoint.home());
      if (!Files.isReadable(key)) {
        throw new CloudException(
            ErrorCode.PROVIDER_UNAVAILABLE,
            "The SSH identity file " + key + " (ssh.identity_file) does not exist or is unreadable",
            Map.of("identity_file", key.toString()));
      }
      if (encrypted(jsch, key) && (passphrase == null || passphrase.isEmpty())) {
        if (useAgent(jsch, endpoint)) {
          return "ssh-agent (for the encrypted key " + key + ")";
        }
        throw new CloudException(
            ErrorCode.PROVIDER_UNAVAILABLE,
            "The SSH identity file "
                + key
                + " is encrypted: set "
                + PASSPHRASE_VARIABLE
                + " or add the key to a running ssh-agent",
            Map.of("identity_file", key.toString()));
      }
      addKey(jsch, key, passphrase);
      return "key " + key;
    }
    if (useAgent(jsch, endpoint)) {
      return "ssh-agent";
    }
    List<String> offered = new ArrayList<>();
    for (String name : DEFAULT_KEYS) {
      Path key = endpoint.home().resolve(".ssh").resolve(name);
      if (Files.isReadable(key)) {
        if (encrypted(jsch, key) && (passphrase == null || passphrase.isEmpty())) {
          continue;
        }
        addKey(jsch, key, passphrase);
        offered.add(key.toString());
      }
    }
    if (offered.isEmpty()) {
      throw new CloudException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "No SSH credentials for "
              + endpoint.describe()
              + ": set ssh.identity_file, start an ssh-agent (SSH_AUTH_SOCK), or create "
              + endpoint.home().resolve(".ssh/id_ed25519"),
          Map.of("host", endpoint.host()));
    }
    return "default keys " + String.join(", ", offered);
  }

  /** {@code ~} and {@code ~/x} against the given home; any other path as it is. */
  static Path expand(Path path, Path home) {
    String text = path.toString();
    if (text.equals("~")) {
      return home;
    }
    if (text.startsWith("~/")) {
      return home.resolve(text.substring(2));
    }
    return path;
  }

  private static boolean encrypted(JSch jsch, Path key) {
    try {
      KeyPair pair = KeyPair.load(jsch, key.toString());
      try {
        return pair.isEncrypted();
      } finally {
        pair.dispose();
      }
    } catch (JSchException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not load the SSH key " + key + ": " + e.getMessage(),
          Map.of("identity_file", key.toString()),
          e);
    }
  }

  private static void addKey(JSch jsch, Path key, String passphrase) {
    byte[] secret =
        passphrase == null || passphrase.isEmpty()
            ? null
            : passphrase.getBytes(StandardCharsets.UTF_8);
    try {
      jsch.addIdentity(key.toString(), secret);
    } catch (JSchException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not use the SSH key "
              + key
              + (secret == null ? "" : " (is " + PASSPHRASE_VARIABLE + " its passphrase?)")
              + ": "
              + e.getMessage(),
          Map.of("identity_file", key.toString()),
          e);
    } finally {
      if (secret != null) {
        java.util.Arrays.fill(secret, (byte) 0);
      }
    }
  }

  private static boolean useAgent(JSch jsch, SshEndpoint endpoint) {
    String socket = endpoint.environment().apply("SSH_AUTH_SOCK");
    if (socket == null || socket.isEmpty() || !Files.exists(Path.of(socket))) {
      return false;
    }
    try {
      SSHAgentConnector connector = new SSHAgentConnector(Path.of(socket));
      if (!connector.isAvailable()) {
        return false;
      }
      jsch.setIdentityRepository(new AgentIdentityRepository(connector));
      return true;
    } catch (AgentProxyException | RuntimeException e) {
      return false;
    }
  }
}
