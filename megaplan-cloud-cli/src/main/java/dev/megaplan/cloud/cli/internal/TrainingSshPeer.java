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
   * Writes a throwaway Ed25519 client key (PKCS#8, unencrypted), a known-hosts line for this peer
   * and a cloud.yaml for the {@code ssh} provider that uses both; returns the cloud.yaml.
   */
  Path writeProject(Path dir) throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path key = dir.resolve("id_ed25519");
    Files.writeString(
        key,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n",
        StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    byte[] raw = pair.getPublic().getEncoded(); // X.509: the last 32 bytes are the key
    ByteBuffer blob = ByteBuffer.allocate(4 + 11 + 4 + 32);
    blob.putInt(11).put("ssh-ed25519".getBytes(StandardCharsets.US_ASCII)).putInt(32);
    blob.put(raw, raw.length - 32, 32);
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(
        knownHosts,
        "[127.0.0.1]:"
            + port()
            + " ssh-ed25519 "
            + Base64.getEncoder().encodeToString(blob.array())
            + "\n",
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
