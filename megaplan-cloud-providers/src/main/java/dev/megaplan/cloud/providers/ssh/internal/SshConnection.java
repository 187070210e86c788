package dev.megaplan.cloud.providers.ssh.internal;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.timing.PhaseLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One SSH connection (a JSch {@link Session}), opened at first use (or ahead of it, see {@link
 * #connectAhead}) and reused for every exec channel and SFTP transfer of a provider. The host key
 * is verified against the known-hosts file; keep-alive probes an idle connection.
 *
 * <p>Reconnecting: when opening a channel fails because the connection is gone, the command never
 * reached the box, so the connection is reopened once and the command sent. When the connection
 * drops while a command runs, only a call marked idempotent (a read) is retried; a mutation fails
 * with {@code provider_failed} saying it may or may not have run.
 */
public final class SshConnection implements AutoCloseable {
  private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

  private final SshEndpoint endpoint;
  private Session session;
  private HostKeyCheck hostKeys;
  private long opened;
  private long attempts;
  private boolean connectingAhead;
  private RuntimeException aheadFailure;

  /**
   * Describes the connection; nothing is opened until the first call.
   *
   * @param endpoint where to connect and how to authenticate
   */
  public SshConnection(SshEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Where this connection goes.
   *
   * @return the endpoint
   */
  public SshEndpoint endpoint() {
    return endpoint;
  }

  /**
   * How many times a connection was opened (1 for a session that never reconnected).
   *
   * @return the count
   */
  public synchronized long connectionsOpened() {
    return opened;
  }

  /**
   * Runs shell text in an exec channel and waits for it, stdout and stderr captured separately.
   *
   * @param command the shell text the remote user's shell runs
   * @param stdin the bytes the command reads, then end of file
   * @param timeout how long the command may take
   * @param idempotent whether the command may be sent again when the connection drops mid-run
   * @return the exit status and output; a non-zero exit is data
   */
  public ExecResult exec(String command, byte[] stdin, Duration timeout, boolean idempotent) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int attempt = 0; ; attempt++) {
      Session current = session(deadline);
      ChannelExec channel;
      EndSignallingBuffer out = new EndSignallingBuffer();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try {
        if (PhaseLog.enabled()) {
          PhaseLog.mark(
              "ssh.exec.open", command.length() + " chars, " + stdin.length + " stdin bytes");
        }
        channel = (ChannelExec) current.openChannel("exec");
        channel.setCommand(command.getBytes(StandardCharsets.UTF_8));
        channel.setInputStream(new ByteArrayInputStream(stdin));
        channel.setOutputStream(out);
        channel.setErrStream(err);
        channel.connect(remainingMillis(deadline));
        PhaseLog.mark("ssh.exec.opened");
      } catch (JSchException e) {
        drop(current);
        if (attempt == 0 && System.nanoTime() < deadline) {
          continue; // the command never reached the box: sending it on a new connection is safe
        }
        throw lost("opening a channel", e);
      }
      try {
        out.awaitEnd(deadline); // blocks until the remote end of stdout (or the deadline)
        while (!channel.isClosed()) {
          if (System.nanoTime() >= deadline) {
            kill(channel);
            throw new CloudException(
                ErrorCode.PROVIDER_FAILED,
                "The command on "
                    + endpoint.describe()
                    + " timed out after "
                    + timeout.toMillis()
                    + " ms and was stopped",
                context(Map.of("timeout_ms", timeout.toMillis())));
          }
          if (Thread.currentThread().isInterrupted()) {
            kill(channel);
            throw new CloudException(
                ErrorCode.PROVIDER_FAILED,
                "Interrupted while waiting for a command on " + endpoint.describe(),
                context(Map.of()));
          }
          LockSupport.parkNanos(POLL_NANOS);
        }
        int status = channel.getExitStatus();
        if (PhaseLog.enabled()) {
          PhaseLog.mark("ssh.exec.closed", "exit " + status + ", " + out.size() + " stdout bytes");
        }
        if (status == -1 && !settledConnected(current)) {
          drop(current);
          if (idempotent && attempt == 0 && System.nanoTime() < deadline) {
            continue;
          }
          throw new CloudException(
              ErrorCode.PROVIDER_FAILED,
              "The SSH connection to "
                  + endpoint.describe()
                  + " was lost while a command ran; it was not retried, because it may already"
                  + " have changed the box",
              context(Map.of()));
        }
        return ExecResult.of(
            status == -1 ? 255 : status,
            out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8));
      } finally {
        channel.disconnect();
      }
    }
  }

  /**
   * Runs shell text and hands each line of its stdout and stderr to a sink until it ends or the
   * calling thread is interrupted (then the remote command is stopped). No timeout: following lasts
   * as long as the caller wants; the connection's keep-alive notices a dead peer.
   *
   * @param command the shell text
   * @param sink receives each line, without its newline
   * @return the exit status, or -1 when interrupted
   */
  public int stream(String command, Consumer<String> sink) {
    Session current = session(System.nanoTime() + endpoint.connectTimeout().toNanos());
    ChannelExec channel;
    try {
      channel = (ChannelExec) current.openChannel("exec");
      channel.setCommand(command.getBytes(StandardCharsets.UTF_8));
      channel.setInputStream(new ByteArrayInputStream(new byte[0]));
      LineSink lines = new LineSink(sink);
      LineSink errors = new LineSink(sink);
      channel.setOutputStream(lines, true);
      channel.setErrStream(errors, true);
      channel.connect((int) endpoint.connectTimeout().toMillis());
      try {
        while (!channel.isClosed()) {
          if (Thread.currentThread().isInterrupted()) {
            kill(channel);
            return -1;
          }
          if (!current.isConnected()) {
            throw lost("following output", null);
          }
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        lines.flushLine();
        errors.flushLine();
        int status = channel.getExitStatus();
        if (status == -1 && !settledConnected(current)) {
          drop(current);
          throw lost("following output", null);
        }
        return status;
      } finally {
        channel.disconnect();
      }
    } catch (JSchException e) {
      drop(current);
      throw lost("opening a channel", e);
    }
  }

  /**
   * Runs a command with a pseudo-terminal wired to the given streams, until it exits.
   *
   * @param command the shell text
   * @param in the terminal's input
   * @param out the terminal's output
   * @return the exit status
   */
  public int interactive(String command, InputStream in, OutputStream out) {
    Session current = session(System.nanoTime() + endpoint.connectTimeout().toNanos());
    try {
      ChannelExec channel = (ChannelExec) current.openChannel("exec");
      channel.setCommand(command.getBytes(StandardCharsets.UTF_8));
      channel.setPty(true);
      String term = endpoint.environment().apply("TERM");
      channel.setPtyType(term == null || term.isEmpty() ? "xterm" : term);
      channel.setInputStream(in, true);
      channel.setOutputStream(out, true);
      channel.setErrStream(out, true);
      channel.connect((int) endpoint.connectTimeout().toMillis());
      try {
        while (!channel.isClosed() && current.isConnected()) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
          if (Thread.currentThread().isInterrupted()) {
            return -1;
          }
        }
        return channel.getExitStatus();
      } finally {
        channel.disconnect();
      }
    } catch (JSchException e) {
      drop(current);
      throw lost("opening a terminal", e);
    }
  }

  /** Work done on an SFTP channel. */
  @FunctionalInterface
  public interface SftpWork<T> {
    /**
     * Does the work.
     *
     * @param sftp an open SFTP channel
     * @return the result
     * @throws SftpException when the server refuses an operation
     */
    T run(ChannelSftp sftp) throws SftpException;
  }

  /**
   * Opens an SFTP channel on this connection, does the work and closes the channel. Not retried
   * after the work started: SFTP writes are mutations.
   *
   * @param what how errors name the work, for example {@code upload the deploy dir}
   * @param timeout how long opening the channel may take; the work itself is bounded by the
   *     connection's keep-alive, which drops a connection whose peer stops answering
   * @param work the work
   * @param <T> what the work returns
   * @return what the work returned
   */
  public <T> T sftp(String what, Duration timeout, SftpWork<T> work) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int attempt = 0; ; attempt++) {
      Session current = session(deadline);
      ChannelSftp sftp;
      try {
        sftp = (ChannelSftp) current.openChannel("sftp");
        sftp.connect(remainingMillis(deadline));
      } catch (JSchException e) {
        drop(current);
        if (attempt == 0) {
          continue;
        }
        throw lost("opening SFTP to " + what, e);
      }
      try {
        return work.run(sftp);
      } catch (SftpException e) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("sftp_status", e.id);
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED,
            "Could not " + what + " on " + endpoint.describe() + " over SFTP: " + e.getMessage(),
            context(context),
            e);
      } finally {
        sftp.disconnect();
      }
    }
  }

  /**
   * Starts opening the connection on a background thread, unless it is open or already being
   * opened, so that local work the caller still does overlaps with the TCP handshake, the key
   * exchange and authentication. The next call waits for that attempt and uses its connection; when
   * the attempt failed, the next call throws its failure (once), exactly as it would have failed
   * opening the connection itself. Never throws.
   */
  public synchronized void connectAhead() {
    if (connectingAhead || (session != null && session.isConnected())) {
      return;
    }
    connectingAhead = true;
    long ticket = attempts;
    Thread thread = new Thread(() -> openAhead(ticket), "megaplan-ssh-connect-ahead");
    thread.setDaemon(true);
    thread.start();
  }

  /** Opens the connection, unless a call already tried since the hint (then there is no need). */
  private synchronized void openAhead(long ticket) {
    try {
      if (attempts == ticket) {
        session(System.nanoTime() + endpoint.connectTimeout().toNanos());
      }
    } catch (RuntimeException e) {
      aheadFailure = e;
    } finally {
      connectingAhead = false;
    }
  }

  /** Closes the connection; never throws. */
  @Override
  public synchronized void close() {
    attempts++; // a connect-ahead that has not started yet no longer applies
    aheadFailure = null;
    if (session != null) {
      session.disconnect();
      session = null;
      PhaseLog.mark("ssh.disconnected");
    }
  }

  private synchronized Session session(long deadline) {
    if (session != null && session.isConnected()) {
      return session;
    }
    if (aheadFailure != null) {
      RuntimeException failure = aheadFailure;
      aheadFailure = null;
      throw failure;
    }
    if (session != null) {
      session.disconnect();
      session = null;
    }
    attempts++;
    PhaseLog.mark("ssh.connect");
    JSch jsch = new JSch();
    if (PhaseLog.enabled()) {
      jsch.setInstanceLogger(new JschPhaseLogger());
    }
    String auth = SshAuth.configure(jsch, endpoint);
    String knownHostsFile = endpoint.knownHosts().toString();
    try {
      if (java.nio.file.Files.exists(endpoint.knownHosts())) {
        jsch.setKnownHosts(knownHostsFile);
      }
    } catch (JSchException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not read the known-hosts file " + knownHostsFile + ": " + e.getMessage(),
          context(Map.of("known_hosts", knownHostsFile)),
          e);
    }
    hostKeys = new HostKeyCheck(jsch.getHostKeyRepository(), knownHostsFile);
    Session fresh;
    try {
      fresh = jsch.getSession(endpoint.user(), endpoint.host(), endpoint.port());
      fresh.setHostKeyRepository(hostKeys);
      fresh.setConfig("StrictHostKeyChecking", "yes");
      fresh.setConfig("PreferredAuthentications", "publickey");
      fresh.setConfig("HashKnownHosts", "no");
      fresh.setServerAliveInterval((int) endpoint.keepAlive().toMillis());
      fresh.setServerAliveCountMax(3);
      int connectMillis =
          (int) Math.min(endpoint.connectTimeout().toMillis(), remainingMillis(deadline));
      fresh.connect(Math.max(1, connectMillis));
    } catch (JSchException e) {
      CloudException refused = hostKeys.refusal().orElse(null);
      if (refused != null) {
        throw refused;
      }
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      if (message.contains("Auth fail") || message.contains("Auth cancel")) {
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED,
            "SSH authentication to "
                + endpoint.describe()
                + " failed: the server accepted none of the credentials offered ("
                + auth
                + "). Check ssh.user and ssh.identity_file, and that the key is in the server's"
                + " authorized_keys",
            context(Map.of("auth", auth)),
            e);
      }
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not connect to " + endpoint.describe() + " over SSH: " + message,
          context(Map.of()),
          e);
    }
    opened++;
    session = fresh;
    PhaseLog.mark("ssh.connected");
    return fresh;
  }

  private synchronized void drop(Session dead) {
    if (session == dead) {
      session.disconnect();
      session = null;
    }
  }

  /**
   * Whether a connection is still up once a channel closed without an exit status: either the
   * command died of a signal (the connection stays) or the connection is going down (JSch closes
   * the channels before it marks the session disconnected, so give it a moment).
   */
  private static boolean settledConnected(Session session) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
    while (session.isConnected() && System.nanoTime() < until) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    return session.isConnected();
  }

  private static void kill(ChannelExec channel) {
    try {
      channel.sendSignal("KILL");
    } catch (Exception e) {
      // best effort: disconnecting closes the channel anyway
    }
    channel.disconnect();
  }

  private CloudException lost(String what, Exception cause) {
    String reason =
        cause == null || cause.getMessage() == null ? "connection closed" : cause.getMessage();
    return new CloudException(
        ErrorCode.PROVIDER_FAILED,
        "The SSH connection to " + endpoint.describe() + " failed while " + what + ": " + reason,
        context(Map.of()),
        cause);
  }

  private Map<String, Object> context(Map<String, Object> extra) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("host", endpoint.host());
    context.put("port", endpoint.port());
    context.put("user", endpoint.user());
    context.putAll(extra);
    return context;
  }

  private static int remainingMillis(long deadline) {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
  }

  /**
   * Collects a channel's stdout and signals when JSch closes it (the remote end of file, or the
   * channel going away), so a waiting caller sleeps instead of polling while the command runs: on a
   * small box the polling would take CPU from the very command it waits for.
   */
  private static final class EndSignallingBuffer extends ByteArrayOutputStream {
    private final java.util.concurrent.CountDownLatch end =
        new java.util.concurrent.CountDownLatch(1);

    @Override
    public void close() {
      end.countDown();
    }

    /** Waits for the end of the stream until the deadline; an interrupt returns at once. */
    void awaitEnd(long deadline) {
      try {
        end.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the polling loop reports it
      }
    }
  }

  /** Splits streamed bytes into UTF-8 lines. */
  private static final class LineSink extends OutputStream {
    private final Consumer<String> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineSink(Consumer<String> sink) {
      this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        emit();
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    synchronized void flushLine() {
      if (line.size() > 0) {
        emit();
      }
    }

    private void emit() {
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      sink.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }

    @Override
    public void close() throws IOException {
      // the channel's end is signalled by its close, not by this stream's
    }
  }
}
