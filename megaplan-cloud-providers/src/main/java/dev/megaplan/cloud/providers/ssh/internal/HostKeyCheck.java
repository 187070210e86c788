package dev.megaplan.cloud.providers.ssh.internal;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a server's host key against a known-hosts file and remembers a key it refused, so the
 * failure can name the host, the key type and its SHA256 fingerprint. Never adds a key: an unknown
 * or changed key is refused, never accepted silently.
 */
final class HostKeyCheck implements HostKeyRepository {
  private final HostKeyRepository knownHosts;
  private final String knownHostsFile;
  private volatile Refusal refusal;

  HostKeyCheck(HostKeyRepository knownHosts, String knownHostsFile) {
    this.knownHosts = knownHosts;
    this.knownHostsFile = knownHostsFile;
  }

  @Override
  public int check(String host, byte[] key) {
    int result = knownHosts.check(host, key);
    if (result != OK) {
      refusal = new Refusal(host, result == CHANGED, keyType(key), fingerprint(key));
    }
    return result;
  }

  /** The refusal of the last connection attempt, if its host key was refused. */
  Optional<CloudException> refusal() {
    Refusal seen = refusal;
    if (seen == null) {
      return Optional.empty();
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("host", seen.host);
    context.put("key_type", seen.keyType);
    context.put("fingerprint", seen.fingerprint);
    context.put("known_hosts", knownHostsFile);
    String message =
        seen.changed
            ? "The host key of "
                + seen.host
                + " has CHANGED: the server presents "
                + seen.keyType
                + " "
                + seen.fingerprint
                + ", which does not match "
                + knownHostsFile
                + ". Refusing to connect (the host was reinstalled, or someone is intercepting the"
                + " connection); if the change is expected, remove the old entry with ssh-keygen -R"
            : "The host key of "
                + seen.host
                + " is unknown: the server presents "
                + seen.keyType
                + " "
                + seen.fingerprint
                + ", which is not in "
                + knownHostsFile
                + ". Refusing to connect; verify the fingerprint and add the key (for example by"
                + " connecting once with ssh)";
    return Optional.of(new CloudException(ErrorCode.PROVIDER_FAILED, message, context));
  }

  void reset() {
    refusal = null;
  }

  @Override
  public void add(HostKey hostkey, UserInfo ui) {
    // never: unknown keys are refused
  }

  @Override
  public void remove(String host, String type) {
    // never changes the user's file
  }

  @Override
  public void remove(String host, String type, byte[] key) {
    // never changes the user's file
  }

  @Override
  public String getKnownHostsRepositoryID() {
    return knownHosts.getKnownHostsRepositoryID();
  }

  @Override
  public HostKey[] getHostKey() {
    return knownHosts.getHostKey();
  }

  @Override
  public HostKey[] getHostKey(String host, String type) {
    return knownHosts.getHostKey(host, type);
  }

  /**
   * The OpenSSH fingerprint of a public key blob: {@code SHA256:} and the unpadded base64 digest.
   *
   * @param key the key blob as sent by the server
   * @return for example {@code SHA256:qT/lux/NWOFkSNGt4tH5pUrKM4G6luuZEiCaG+81caE}
   */
  static String fingerprint(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The key type named at the start of a key blob, for example {@code ssh-ed25519}. */
  static String keyType(byte[] key) {
    if (key.length < 4) {
      return "unknown";
    }
    int length = ByteBuffer.wrap(key, 0, 4).getInt();
    if (length <= 0 || length > key.length - 4) {
      return "unknown";
    }
    return new String(key, 4, length, StandardCharsets.US_ASCII);
  }

  private static final class Refusal {
    final String host;
    final boolean changed;
    final String keyType;
    final String fingerprint;

    Refusal(String host, boolean changed, String keyType, String fingerprint) {
      this.host = host;
      this.changed = changed;
      this.keyType = keyType;
      this.fingerprint = fingerprint;
    }
  }
}
