package dev.megaplan.cloud.providers.ssh.internal;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Mirrors a local deploy directory into a remote directory over SFTP, sending only files whose size
 * or SHA-256 differ from what is there (one exec lists the remote sizes and digests). Each file is
 * written to a temp name beside its destination, given its mode, and renamed over it. Also writes
 * single secret-bearing files ({@code .env}) with mode 600 from the first byte.
 */
public final class DeploySync {
  private static final String RENDER_MANIFEST = ".megaplan-rendered";
  private static final String TEMP_SUFFIX = ".megaplan-sync-tmp";

  private final SshConnection connection;
  private final Duration timeout;

  /**
   * Creates the synchroniser.
   *
   * @param connection the connection to the host
   * @param timeout the timeout of the listing and of opening each SFTP channel
   */
  public DeploySync(SshConnection connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
  }

  /** What one sync did. */
  public static final class Outcome {
    private final List<String> sent;
    private final List<String> unchanged;

    Outcome(List<String> sent, List<String> unchanged) {
      this.sent = List.copyOf(sent);
      this.unchanged = List.copyOf(unchanged);
    }

    /**
     * The relative paths sent.
     *
     * @return the paths
     */
    public List<String> sent() {
      return sent;
    }

    /**
     * The relative paths already up to date.
     *
     * @return the paths
     */
    public List<String> unchanged() {
      return unchanged;
    }
  }

  /**
   * Syncs a directory.
   *
   * @param local the rendered deploy directory
   * @param remoteDir the absolute remote directory
   * @return what was sent and what was already there
   */
  public Outcome sync(Path local, String remoteDir) {
    Map<String, Path> files = localFiles(local);
    Map<String, String> remote = remoteDigests(remoteDir);
    List<String> sent = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Map<String, byte[]> changed = new TreeMap<>();
    Map<String, Integer> modes = new HashMap<>();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      byte[] content = read(file.getValue());
      String mine = content.length + " " + sha256(content);
      if (mine.equals(remote.get(file.getKey()))) {
        unchanged.add(file.getKey());
      } else {
        changed.put(file.getKey(), content);
        modes.put(file.getKey(), Files.isExecutable(file.getValue()) ? 0755 : 0644);
      }
    }
    if (!changed.isEmpty()) {
      connection.sftp(
          "upload the deploy directory to " + remoteDir,
          timeout,
          sftp -> {
            for (Map.Entry<String, byte[]> file : changed.entrySet()) {
              String destination = remoteDir + "/" + file.getKey();
              mkdirs(sftp, parent(destination));
              put(sftp, destination, file.getValue(), modes.get(file.getKey()));
              sent.add(file.getKey());
            }
            return null;
          });
    }
    return new Outcome(sent, unchanged);
  }

  /**
   * Writes one file with the given mode from its first byte: an empty temp file is created and
   * chmodded before any content is written, then renamed over the destination.
   *
   * @param destination the absolute remote path
   * @param content the bytes (travel only inside the SFTP channel)
   * @param mode the file mode, for example {@code 0600}
   */
  public void writeFile(String destination, byte[] content, int mode) {
    connection.sftp(
        "write " + destination,
        timeout,
        sftp -> {
          mkdirs(sftp, parent(destination));
          put(sftp, destination, content, mode);
          return null;
        });
  }

  private static void put(ChannelSftp sftp, String destination, byte[] content, int mode)
      throws SftpException {
    String temp = destination + TEMP_SUFFIX;
    try {
      sftp.put(new ByteArrayInputStream(new byte[0]), temp, ChannelSftp.OVERWRITE);
      sftp.chmod(mode, temp);
      sftp.put(new ByteArrayInputStream(content), temp, ChannelSftp.OVERWRITE);
      sftp.rename(temp, destination);
    } catch (SftpException e) {
      try {
        sftp.rm(temp);
      } catch (SftpException ignored) {
        // the temp file may not exist
      }
      throw e;
    }
  }

  private static void mkdirs(ChannelSftp sftp, String dir) throws SftpException {
    if (dir.isEmpty() || dir.equals("/")) {
      return;
    }
    try {
      if (sftp.stat(dir).isDir()) {
        return;
      }
    } catch (SftpException e) {
      if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
        throw e;
      }
    }
    mkdirs(sftp, parent(dir));
    sftp.mkdir(dir);
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  /** {@code size sha256} by relative path of every regular file under the remote directory. */
  private Map<String, String> remoteDigests(String remoteDir) {
    String script =
        "cd "
            + ShellQuote.quote(remoteDir)
            + " 2>/dev/null || exit 0; find . -type f ! -name .env -print0 | while IFS= read -r -d ''"
            + " f; do printf '%s %s %s\\n' \"$(stat -c %s -- \"$f\")\" \"$(sha256sum < \"$f\" |"
            + " cut -d' ' -f1)\" \"${f#./}\"; done";
    ExecResult result =
        connection.exec(ShellQuote.join(List.of("bash", "-c", script)), new byte[0], timeout, true);
    if (!result.succeeded()) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not list "
              + remoteDir
              + " on "
              + connection.endpoint().describe()
              + ": "
              + result.stderr().strip(),
          Map.of("remote_dir", remoteDir, "exit_code", result.exitCode()));
    }
    Map<String, String> digests = new HashMap<>();
    for (String line : result.stdout().split("\n")) {
      String[] words = line.split(" ", 3);
      if (words.length == 3) {
        digests.put(words[2], words[0] + " " + words[1]);
      }
    }
    return digests;
  }

  private static Map<String, Path> localFiles(Path local) {
    Map<String, Path> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(local)) {
      walk.filter(Files::isRegularFile)
          .filter(path -> !path.getFileName().toString().equals(".env"))
          .filter(path -> !path.getFileName().toString().equals(RENDER_MANIFEST))
          .forEach(path -> files.put(local.relativize(path).toString().replace('\\', '/'), path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
