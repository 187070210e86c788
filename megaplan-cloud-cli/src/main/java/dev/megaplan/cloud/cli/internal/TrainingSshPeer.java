package dev.megaplan.cloud.cli.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * A loopback peer for the class-data-sharing training run that speaks the first steps of an SSH
 * server: its version line and its key-exchange offer ({@code curve25519-sha256}, {@code
 * ssh-ed25519}, {@code aes128-gcm@openssh.com}, as OpenSSH offers them), then hangs up once the
 * client has sent its key-exchange message. A {@code status --chain} on the {@code ssh} provider
 * against it goes through the provider, the key and known-hosts loading, JSch's algorithm checks,
 * the negotiation and the client's half of the key exchange, then fails as a lost connection does.
 * Not an SSH server: nothing is authenticated or run.
 */
final class TrainingSshPeer implements AutoCloseable {
  private final ServerSocket server;
  private final Thread thread;

  private TrainingSshPeer(ServerSocket server) {
    this.server = server;
    this.thread = new Thread(this::serve, "cds-training-ssh-peer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Listens on a free port of 127.0.0.1. */
  static TrainingSshPeer start() throws IOException {
    return new TrainingSshPeer(new ServerSocket(0, 4, InetAddress.getLoopbackAddress()));
  }

  int port() {
    return server.getLocalPort();
  }

  /**
   * Writes a throwaway Ed25519 client key (OpenSSH format, unencrypted), a known-hosts line for
   * this peer and a cloud.yaml for the {@code ssh} provider that uses both; returns the cloud.yaml.
   */
  Path writeProject(Path dir) throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] x509 = pair.getPublic().getEncoded(); // the last 32 bytes are the raw key
    byte[] pkcs8 = pair.getPrivate().getEncoded(); // the last 32 bytes are the seed
    byte[] publicKey = java.util.Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    byte[] seed = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
    byte[] blob = sshStrings(text("ssh-ed25519"), publicKey);
    Path key = dir.resolve("id_ed25519");
    Files.writeString(key, openSshPrivateKey(blob, publicKey, seed), StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(
        knownHosts,
        "[127.0.0.1]:" + port() + " ssh-ed25519 " + Base64.getEncoder().encodeToString(blob) + "\n",
        StandardCharsets.US_ASCII);
    Path cloudYaml = dir.resolve("cloud.yaml");
    Files.writeString(
        cloudYaml,
        "provider: ssh\n"
            + "repo: {url: https://example.invalid/app.git}\n"
            + "ssh: {host: 127.0.0.1, port: "
            + port()
            + ", user: training, identity_file: '"
            + key
            + "', known_hosts: '"
            + knownHosts
            + "'}\n",
        StandardCharsets.UTF_8);
    return cloudYaml;
  }

  /** An unencrypted {@code openssh-key-v1} file, as {@code ssh-keygen -t ed25519 -N ''} writes. */
  private static String openSshPrivateKey(byte[] blob, byte[] publicKey, byte[] seed) {
    byte[] secret = new byte[64]; // OpenSSH keeps the seed followed by the public key
    System.arraycopy(seed, 0, secret, 0, 32);
    System.arraycopy(publicKey, 0, secret, 32, 32);
    byte[] keys = sshStrings(text("ssh-ed25519"), publicKey, secret, text("cds-training"));
    int unpadded = 8 + keys.length;
    ByteBuffer section = ByteBuffer.allocate(unpadded + (8 - unpadded % 8) % 8);
    section.putInt(0x5eed).putInt(0x5eed).put(keys);
    for (byte pad = 1; section.hasRemaining(); pad++) {
      section.put(pad);
    }
    byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    byte[] body = sshStrings(text("none"), text("none"), new byte[0]);
    byte[] keyCount = {0, 0, 0, 1};
    byte[] tail = sshStrings(blob, section.array());
    ByteBuffer file = ByteBuffer.allocate(magic.length + body.length + 4 + tail.length);
    file.put(magic).put(body).put(keyCount).put(tail);
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(file.array())
        + "\n-----END OPENSSH PRIVATE KEY-----\n";
  }

  /** SSH wire strings: each value preceded by its length. */
  private static byte[] sshStrings(byte[]... values) {
    int length = 0;
    for (byte[] value : values) {
      length += 4 + value.length;
    }
    ByteBuffer out = ByteBuffer.allocate(length);
    for (byte[] value : values) {
      out.putInt(value.length).put(value);
    }
    return out.array();
  }

  private static byte[] text(String value) {
    return value.getBytes(StandardCharsets.US_ASCII);
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write("SSH-2.0-OpenSSH_9.2 cds-training\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(kexInit());
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        while (in.readByte() != '\n') {
          // the client's version line
        }
        // its KEXINIT, then the first message of its key exchange: hang up after those
        for (int packet = 0; packet < 2; packet++) {
          int length = in.readInt();
          if (length <= 0 || length > 65536) {
            break;
          }
          in.skipNBytes(length);
        }
      } catch (IOException e) {
        // the client hung up first, or the run is over
      }
    }
  }

  /** An unencrypted SSH_MSG_KEXINIT packet with the algorithms OpenSSH offers by default. */
  private static byte[] kexInit() {
    ByteBuffer payload = ByteBuffer.allocate(1024);
    payload.put((byte) 20).put(new byte[16]);
    for (String list :
        new String[] {
          "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256",
          "ssh-ed25519,rsa-sha2-512",
          "aes128-gcm@openssh.com,aes256-gcm@openssh.com,aes128-ctr",
          "aes128-gcm@openssh.com,aes256-gcm@openssh.com,aes128-ctr",
          "hmac-sha2-256-etm@openssh.com,hmac-sha2-256",
          "hmac-sha2-256-etm@openssh.com,hmac-sha2-256",
          "none",
          "none",
          "",
          ""
        }) {
      byte[] bytes = list.getBytes(StandardCharsets.US_ASCII);
      payload.putInt(bytes.length).put(bytes);
    }
    payload.put((byte) 0).putInt(0);
    int length = payload.position();
    int padding = 8 - (length + 5) % 8;
    if (padding < 4) {
      padding += 8;
    }
    ByteBuffer packet = ByteBuffer.allocate(4 + 1 + length + padding);
    packet.putInt(1 + length + padding).put((byte) padding).put(payload.array(), 0, length);
    packet.put(new byte[padding]);
    return packet.array();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
