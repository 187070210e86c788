package dev.megaplan.cloud.testkit.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real OpenSSH {@code sshd} on 127.0.0.1, framework-free: a free port, a throwaway host key, a
 * throwaway client key authorised for the current user, its own {@code known_hosts} and {@code
 * sshd_config}, {@code LogLevel VERBOSE} to a log file the tests read. Nothing is written to the
 * real {@code ~/.ssh}.
 *
 * <p>The daemon runs in the foreground ({@code -D}) as a child of this JVM, so {@link #stop()} and
 * {@link #kill()} end it by its process id (and, for {@link #kill()}, every connection it serves).
 * Sessions get {@code PATH=<extra dirs>:/usr/local/bin:/usr/bin:/bin} through {@code SetEnv}, so a
 * {@code docker} stand-in placed in an extra directory is what {@code docker} means on this box (a
 * login shell, {@code bash -lc}, resets PATH from {@code /etc/profile}: commands there must use
 * absolute paths).
 *
 * <p>{@code sshd} needs its privilege-separation directory {@code /run/sshd}; when it is missing
 * and this process may create it (it runs as root), it is created, as Debian's service does.
 */
public final class SshServer implements AutoCloseable {
  /** Where Debian's {@code openssh-server} puts the daemon. */
  public static final Path SSHD = Path.of("/usr/sbin/sshd");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

  private final Path dir;
  private final List<Path> pathDirs;
  private final Map<String, String> sessionEnvironment;
  private final int port;
  private Process process;

  private SshServer(
      Path dir, List<Path> pathDirs, Map<String, String> sessionEnvironment, int port) {
    this.dir = dir;
    this.pathDirs = List.copyOf(pathDirs);
    this.sessionEnvironment = new java.util.TreeMap<>(sessionEnvironment);
    this.port = port;
  }

  /**
   * Whether an OpenSSH server and {@code ssh-keygen} are installed here.
   *
   * @return true when both are executable
   */
  public static boolean available() {
    return Files.isExecutable(SSHD) && findKeygen() != null;
  }

  /**
   * Generates the keys and configuration in {@code dir} and starts the daemon; fails (never skips)
   * when it cannot start.
   *
   * @param dir an empty directory this server owns
   * @param pathDirs directories put first on the PATH of every session
   * @return the running server
   */
  public static SshServer start(Path dir, List<Path> pathDirs) {
    return start(dir, pathDirs, Map.of());
  }

  /**
   * As {@link #start(Path, List)}, with more variables set in every session, for example {@code
   * DOCKER_HOST} so a real {@code docker} on this machine finds a private engine.
   *
   * @param dir an empty directory this server owns
   * @param pathDirs directories put first on the PATH of every session
   * @param environment name → value, each without whitespace or quotes
   * @return the running server
   */
  public static SshServer start(Path dir, List<Path> pathDirs, Map<String, String> environment) {
    Objects.requireNonNull(dir, "dir");
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      if (!variable.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")
          || !variable.getValue().matches("[^\\s\"'\\\\]*")) {
        throw new IllegalArgumentException("cannot pass through SetEnv: " + variable.getKey());
      }
    }
    if (!available()) {
      throw new IllegalStateException(
          "OpenSSH server not installed: need "
              + SSHD
              + " and ssh-keygen (apt-get install"
              + " openssh-server openssh-client)");
    }
    SshServer server = new SshServer(dir.toAbsolutePath(), pathDirs, environment, freePort());
    server.prepare();
    server.launch();
    return server;
  }

  /**
   * The host to connect to.
   *
   * @return {@code 127.0.0.1}
   */
  public String host() {
    return "127.0.0.1";
  }

  /**
   * The port the daemon listens on.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * The user sessions run as: the current user.
   *
   * @return the user name
   */
  public String user() {
    return System.getProperty("user.name");
  }

  /**
   * The {@code HOME} of every session: a directory of this server's, so the current user's own
   * dotfiles never run in a test's login shells.
   *
   * @return the directory
   */
  public Path home() {
    return dir.resolve("home");
  }

  /**
   * The {@code TMUX_TMPDIR} of every session, so tmux in a test's sessions talks to a server of its
   * own, never to the user's.
   *
   * @return the directory
   */
  public Path tmuxDir() {
    return dir.resolve("tmux");
  }

  /**
   * The unencrypted client key authorised to log in.
   *
   * @return the private key file
   */
  public Path clientKey() {
    return dir.resolve("client_ed25519");
  }

  /**
   * A {@code known_hosts} file that trusts exactly this server's host key.
   *
   * @return the file
   */
  public Path knownHosts() {
    return dir.resolve("known_hosts");
  }

  /**
   * The daemon's log ({@code LogLevel VERBOSE}).
   *
   * @return the log file
   */
  public Path log() {
    return dir.resolve("sshd.log");
  }

  /**
   * The daemon's log text so far.
   *
   * @return the text
   */
  public String logText() {
    try {
      return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How many connections the daemon accepted so far (its {@code Connection from} lines).
   *
   * @return the count
   */
  public long connections() {
    return count("Connection from ");
  }

  /**
   * How many sessions (exec, shell or subsystem channels) the daemon started so far.
   *
   * @return the count
   */
  public long sessions() {
    return count("Starting session: ");
  }

  /**
   * A new client key, encrypted with a passphrase and authorised to log in.
   *
   * @param name a file name under this server's directory
   * @param passphrase the passphrase
   * @return the private key file
   */
  public Path encryptedClientKey(String name, String passphrase) {
    Path key = dir.resolve(name);
    keygen(key, passphrase);
    authorize(key);
    return key;
  }

  /**
   * A new client key that is not authorised (a wrong key).
   *
   * @param name a file name under this server's directory
   * @return the private key file
   */
  public Path unauthorizedClientKey(String name) {
    Path key = dir.resolve(name);
    keygen(key, "");
    return key;
  }

  /**
   * Gives the server a new host key (restarting it), so clients holding the old {@code known_hosts}
   * see a changed key. {@link #knownHosts()} keeps the old entry.
   */
  public void changeHostKey() {
    stop();
    try {
      Files.delete(dir.resolve("host_ed25519"));
      Files.delete(dir.resolve("host_ed25519.pub"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    keygen(dir.resolve("host_ed25519"), "");
    launch();
  }

  /**
   * Gives the server a second host key, of another type (restarting it), and returns the {@code
   * known_hosts} line that trusts only that key.
   *
   * @param type an {@code ssh-keygen -t} type, for example {@code ecdsa}
   * @return the known-hosts line for the new key
   */
  public String addHostKey(String type) {
    stop();
    Path key = dir.resolve("host_" + type);
    try {
      keygen(key, "", type);
      String config = Files.readString(dir.resolve("sshd_config"));
      Files.writeString(
          dir.resolve("sshd_config"), "HostKey " + key + "\n" + config, StandardCharsets.UTF_8);
      String[] words = Files.readString(Path.of(key + ".pub")).strip().split(" ");
      launch();
      return "[" + host() + "]:" + port + " " + words[0] + " " + words[1] + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Restarts a stopped or killed server on the same port with the same keys. */
  public void restart() {
    stop();
    launch();
  }

  /** Stops the daemon and every connection it serves (SIGTERM, then SIGKILL); idempotent. */
  public void stop() {
    end(false);
  }

  /**
   * Freezes (SIGSTOP) or thaws (SIGCONT) the daemon and every connection it serves: a peer that
   * stops answering without closing its TCP connections, as a hung host or a dead link does.
   *
   * @param frozen true to freeze, false to thaw
   */
  public void freeze(boolean frozen) {
    if (process == null) {
      return;
    }
    List<String> argv = new ArrayList<>(List.of("kill", frozen ? "-STOP" : "-CONT"));
    argv.add(String.valueOf(process.pid()));
    process.descendants().forEach(handle -> argv.add(String.valueOf(handle.pid())));
    try {
      Process kill = new ProcessBuilder(argv).redirectErrorStream(true).start();
      kill.getInputStream().readAllBytes();
      kill.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the daemon and every connection it serves at once (SIGKILL), as a crash would. */
  public void kill() {
    end(true);
  }

  /**
   * Whether the daemon process is running.
   *
   * @return true while it runs
   */
  public boolean running() {
    return process != null && process.isAlive();
  }

  /** Stops the daemon and the tmux server its sessions may have started. */
  @Override
  public void close() {
    stop();
    try {
      ProcessBuilder tmux = new ProcessBuilder("tmux", "kill-server").redirectErrorStream(true);
      tmux.environment().put("TMUX_TMPDIR", tmuxDir().toString());
      tmux.environment().remove("TMUX");
      tmux.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      Process process = tmux.start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      // no tmux here: nothing to stop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void end(boolean hard) {
    if (process == null) {
      return;
    }
    freeze(false);
    List<ProcessHandle> all = new ArrayList<>(process.descendants().collect(Collectors.toList()));
    all.add(0, process.toHandle());
    for (ProcessHandle handle : all) {
      if (hard) {
        handle.destroyForcibly();
      } else {
        handle.destroy();
      }
    }
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
    process = null;
  }

  private long count(String marker) {
    return logText().lines().filter(line -> line.contains(marker)).count();
  }

  private void prepare() {
    try {
      Files.createDirectories(dir);
      Files.createDirectories(home());
      Files.createDirectories(tmuxDir());
      Path runDir = Path.of("/run/sshd");
      if (!Files.isDirectory(runDir)) {
        Files.createDirectories(runDir);
        Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      keygen(dir.resolve("host_ed25519"), "");
      keygen(clientKey(), "");
      Files.writeString(dir.resolve("authorized_keys"), "");
      authorize(clientKey());
      writeKnownHosts();
      StringBuilder path = new StringBuilder();
      for (Path extra : pathDirs) {
        path.append(extra.toAbsolutePath()).append(':');
      }
      path.append("/usr/local/bin:/usr/bin:/bin");
      String config =
          String.join(
              "\n",
              "Port " + port,
              "ListenAddress 127.0.0.1",
              "HostKey " + dir.resolve("host_ed25519"),
              "PidFile none",
              "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
              "PubkeyAuthentication yes",
              "PasswordAuthentication no",
              "KbdInteractiveAuthentication no",
              "PermitRootLogin prohibit-password",
              "UsePAM no",
              "StrictModes no",
              "LogLevel VERBOSE",
              "MaxStartups 100",
              "MaxSessions 100",
              "ClientAliveInterval 0",
              "SetEnv PATH="
                  + path
                  + " HOME="
                  + home()
                  + " TMUX_TMPDIR="
                  + tmuxDir()
                  + extraEnvironment(),
              "Subsystem sftp internal-sftp",
              "");
      Files.writeString(dir.resolve("sshd_config"), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String extraEnvironment() {
    StringBuilder text = new StringBuilder();
    sessionEnvironment.forEach(
        (name, value) -> text.append(' ').append(name).append('=').append(value));
    return text.toString();
  }

  private void writeKnownHosts() throws IOException {
    String pub = Files.readString(dir.resolve("host_ed25519.pub")).strip();
    String[] words = pub.split(" ");
    Files.writeString(
        knownHosts(), "[" + host() + "]:" + port + " " + words[0] + " " + words[1] + "\n");
  }

  private void authorize(Path key) {
    try {
      String pub = Files.readString(Path.of(key + ".pub")).strip();
      Files.writeString(
          dir.resolve("authorized_keys"),
          pub + "\n",
          java.nio.file.StandardOpenOption.APPEND,
          java.nio.file.StandardOpenOption.CREATE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch() {
    long before = listening();
    ProcessBuilder builder =
        new ProcessBuilder(
                SSHD.toString(),
                "-D",
                "-f",
                dir.resolve("sshd_config").toString(),
                "-E",
                log().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("sshd.out").toFile());
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + SSHD + ": " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "sshd exited with " + process.exitValue() + ": " + logText() + output());
      }
      if (accepts(before)) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("interrupted while starting sshd", e);
      }
    }
    stop();
    throw new IllegalStateException(
        "sshd did not listen within " + START_TIMEOUT + ": " + logText());
  }

  private String output() {
    try {
      return Files.readString(dir.resolve("sshd.out"));
    } catch (IOException e) {
      return "";
    }
  }

  /** Listening, by the daemon's own log line (a probe connection would count as a connection). */
  private boolean accepts(long before) {
    return listening() > before;
  }

  private long listening() {
    return count("Server listening on " + host() + " port " + port + ".");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String findKeygen() {
    for (String candidate : List.of("/usr/bin/ssh-keygen", "/bin/ssh-keygen")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return null;
  }

  private static void keygen(Path key, String passphrase) {
    keygen(key, passphrase, "ed25519");
  }

  private static void keygen(Path key, String passphrase, String type) {
    List<String> argv =
        List.of(
            findKeygen(),
            "-q",
            "-t",
            type,
            "-N",
            passphrase,
            "-C",
            "megaplan-test",
            "-f",
            key.toString());
    try {
      Process keygen =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      String out = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!keygen.waitFor(30, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
        throw new IllegalStateException("ssh-keygen failed for " + key + ": " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
