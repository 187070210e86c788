package dev.megaplan.cloud.testkit;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An in-memory runner box for tests, with no processes and no I/O: files (path → bytes and mode), a
 * set of tmux sessions, scripted answers to commands, and a journal of every call in order, so a
 * test can count round trips and assert the exact command text.
 *
 * <pre>{@code
 * FakeProvider box = new FakeProvider();
 * box.when(Match.startingWith("tmux has-session")).thenReturn(ExecResult.of(1, "", ""));
 * box.putFile("/workspace/app/chain.yaml", "milestones: []");
 * // ... run the code under test against box ...
 * assertEquals(1, box.commands().size());
 * }</pre>
 *
 * <p>Commands are answered by the most recently scripted rule whose {@link Match} accepts them,
 * else by the default answer (exit 0, no output, until changed with {@link
 * #defaultAnswer(ExecResult)}). Uploads are atomic per file, as on a real box: an upload scripted
 * to fail with {@link #failUploads(Match, String)}, or whose destination's parent is a file, throws
 * {@code provider_failed} and leaves the previous content. Thread-safe.
 */
public final class FakeProvider implements Provider {
  /** What kind of call a journal entry records. */
  public enum Kind {
    /** A command run through the remote shell. */
    EXEC,
    /** One {@link RemoteShell#upload} call (its paths in order). */
    UPLOAD,
    /** A {@link RemoteShell#read}. */
    READ,
    /** {@link Provider#build}. */
    BUILD,
    /** {@link Provider#deploy}. */
    DEPLOY,
    /** {@link Provider#down}. */
    DOWN,
    /** {@link Provider#destroy}. */
    DESTROY,
    /** {@link Provider#logs}. */
    LOGS,
    /** {@link Provider#attach}. */
    ATTACH
  }

  /**
   * One journal entry.
   *
   * @param kind what was called
   * @param subjects the command text, the paths of an upload, the path read, or a session
   */
  public record Call(Kind kind, List<String> subjects) {
    /**
     * Copies the subjects.
     *
     * @param kind what was called
     * @param subjects what it was called with
     */
    public Call {
      subjects = List.copyOf(subjects);
    }

    /**
     * The first subject (the command of an exec, the path of a read), or empty text.
     *
     * @return the subject
     */
    public String subject() {
      return subjects.isEmpty() ? "" : subjects.get(0);
    }
  }

  /** Answers one command; may throw to simulate a transport failure. */
  @FunctionalInterface
  public interface Answer {
    /**
     * Answers a command.
     *
     * @param command the command text
     * @param timeout the caller's timeout
     * @return the result
     */
    ExecResult answer(String command, Duration timeout);
  }

  /** Scripts what matching commands answer; see {@link FakeProvider#when(Match)}. */
  public final class Stubbing {
    private final Match match;
    private final List<Answer> answers = new ArrayList<>();
    private int next;

    private Stubbing(Match match) {
      this.match = match;
    }

    /**
     * Answers with these results in turn; the last one repeats.
     *
     * @param first the first result
     * @param more later results
     * @return this stubbing, to add further answers
     */
    public Stubbing thenReturn(ExecResult first, ExecResult... more) {
      add((command, timeout) -> first);
      for (ExecResult result : more) {
        add((command, timeout) -> result);
      }
      return this;
    }

    /**
     * Answers with a result built from its parts.
     *
     * @param exitCode the exit status
     * @param stdout the standard output
     * @param stderr the standard error
     * @return this stubbing
     */
    public Stubbing thenReturn(int exitCode, String stdout, String stderr) {
      return thenReturn(ExecResult.of(exitCode, stdout, stderr));
    }

    /**
     * Answers by throwing (a transport failure, for example {@code provider_failed}).
     *
     * @param failure the exception to throw
     * @return this stubbing
     */
    public Stubbing thenThrow(RuntimeException failure) {
      return add(
          (command, timeout) -> {
            throw failure;
          });
    }

    /**
     * Answers by computing the result from the command text.
     *
     * @param answer computes the result
     * @return this stubbing
     */
    public Stubbing thenAnswer(Function<String, ExecResult> answer) {
      return add((command, timeout) -> answer.apply(command));
    }

    /**
     * Never answers: the call waits out its timeout (through the fake's sleeper) and fails with
     * {@code provider_failed}, as a hung remote command would.
     *
     * @return this stubbing
     */
    public Stubbing thenHang() {
      return add(
          (command, timeout) -> {
            try {
              sleeper.sleep(timeout);
            } catch (InterruptedException e) {
              throw new CloudException(
                  ErrorCode.PROVIDER_FAILED, "Interrupted while running: " + command, Map.of(), e);
            }
            throw new CloudException(
                ErrorCode.PROVIDER_FAILED,
                "Command timed out after " + timeout.toMillis() + " ms and was killed: " + command,
                Map.of("timeout_ms", timeout.toMillis(), "command", command));
          });
    }

    private Stubbing add(Answer answer) {
      synchronized (FakeProvider.this) {
        answers.add(answer);
      }
      return this;
    }

    private Answer nextAnswer() {
      Answer answer = answers.get(Math.min(next, answers.size() - 1));
      next++;
      return answer;
    }
  }

  /** Waits; injected so tests of timeouts can run without real waiting. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException when interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private final String name;
  private final String remoteRoot;
  private final Shell shell = new Shell();
  private final List<Stubbing> stubbings = new ArrayList<>();
  private final List<Map.Entry<Match, String>> uploadFailures = new ArrayList<>();
  private final TreeMap<String, byte[]> files = new TreeMap<>();
  private final Map<String, Integer> modes = new TreeMap<>();
  private final TreeSet<String> sessions = new TreeSet<>();
  private final List<Call> journal = new ArrayList<>();
  private final List<String> logLines = new ArrayList<>();
  private volatile Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
  private ExecResult defaultAnswer = ExecResult.of(0, "", "");
  private boolean closed;

  /** A fake named {@code fake} whose root is {@code /workspace}. */
  public FakeProvider() {
    this("fake", "/workspace");
  }

  /**
   * A fake with a name and a root.
   *
   * @param name the provider name
   * @param remoteRoot the box's {@code ROOT}
   */
  public FakeProvider(String name, String remoteRoot) {
    this.name = Objects.requireNonNull(name, "name");
    this.remoteRoot = Objects.requireNonNull(remoteRoot, "remoteRoot");
  }

  // ---- scripting --------------------------------------------------------------------------

  /**
   * Starts scripting the answer to matching commands. Later rules take precedence over earlier
   * ones.
   *
   * @param match which commands
   * @return the stubbing to give answers to
   */
  public synchronized Stubbing when(Match match) {
    Stubbing stubbing = new Stubbing(match);
    stubbings.add(stubbing);
    return stubbing;
  }

  /**
   * Sets the answer to commands no rule matches.
   *
   * @param result the answer
   * @return this fake
   */
  public synchronized FakeProvider defaultAnswer(ExecResult result) {
    this.defaultAnswer = Objects.requireNonNull(result, "result");
    return this;
  }

  /**
   * Makes uploads to matching paths fail with {@code provider_failed}, leaving the previous file.
   *
   * @param paths which destination paths
   * @param reason the failure's reason
   * @return this fake
   */
  public synchronized FakeProvider failUploads(Match paths, String reason) {
    uploadFailures.add(Map.entry(paths, reason));
    return this;
  }

  /**
   * Sets how {@link Stubbing#thenHang()} waits (a no-op sleeper makes hung calls fail at once).
   *
   * @param sleeper the sleeper
   * @return this fake
   */
  public FakeProvider sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * Places a file on the box (not journaled), mode {@code 0644}.
   *
   * @param path the absolute path
   * @param content the bytes
   * @return this fake
   */
  public synchronized FakeProvider putFile(String path, byte[] content) {
    files.put(path, content.clone());
    modes.put(path, 0644);
    return this;
  }

  /**
   * Places a UTF-8 text file on the box (not journaled).
   *
   * @param path the absolute path
   * @param content the text
   * @return this fake
   */
  public FakeProvider putFile(String path, String content) {
    return putFile(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Removes a file from the box (not journaled).
   *
   * @param path the absolute path
   * @return this fake
   */
  public synchronized FakeProvider deleteFile(String path) {
    files.remove(path);
    modes.remove(path);
    return this;
  }

  /**
   * Starts a tmux session on the box.
   *
   * @param session the name
   * @return this fake
   */
  public synchronized FakeProvider addSession(String session) {
    sessions.add(session);
    return this;
  }

  /**
   * Ends a tmux session on the box.
   *
   * @param session the name
   * @return this fake
   */
  public synchronized FakeProvider removeSession(String session) {
    sessions.remove(session);
    return this;
  }

  /**
   * Sets the lines {@link #logs} delivers.
   *
   * @param lines the runner's log lines
   * @return this fake
   */
  public synchronized FakeProvider logLines(List<String> lines) {
    logLines.clear();
    logLines.addAll(lines);
    return this;
  }

  // ---- inspection -------------------------------------------------------------------------

  /**
   * A file's bytes.
   *
   * @param path the absolute path
   * @return a copy of the bytes, or empty
   */
  public synchronized Optional<byte[]> file(String path) {
    return Optional.ofNullable(files.get(path)).map(byte[]::clone);
  }

  /**
   * A file as UTF-8 text.
   *
   * @param path the absolute path
   * @return the text, or empty
   */
  public Optional<String> text(String path) {
    return file(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * A file's mode bits.
   *
   * @param path the absolute path
   * @return the mode, or empty when there is no such file
   */
  public synchronized OptionalInt mode(String path) {
    Integer mode = modes.get(path);
    return mode == null ? OptionalInt.empty() : OptionalInt.of(mode);
  }

  /**
   * Every file path on the box, sorted.
   *
   * @return the paths
   */
  public synchronized List<String> paths() {
    return List.copyOf(files.keySet());
  }

  /**
   * The running sessions, sorted.
   *
   * @return the names
   */
  public synchronized List<String> sessions() {
    return List.copyOf(sessions);
  }

  /**
   * Every call so far, in order.
   *
   * @return a copy of the journal
   */
  public synchronized List<Call> journal() {
    return List.copyOf(journal);
  }

  /**
   * The text of every command run so far, in order.
   *
   * @return the commands
   */
  public synchronized List<String> commands() {
    return journal.stream()
        .filter(call -> call.kind() == Kind.EXEC)
        .map(Call::subject)
        .collect(Collectors.toList());
  }

  /**
   * How many calls of a kind were made: round trips to the box.
   *
   * @param kind the kind
   * @return the count
   */
  public synchronized long count(Kind kind) {
    return journal.stream().filter(call -> call.kind() == kind).count();
  }

  /** Forgets the calls made so far. */
  public synchronized void clearJournal() {
    journal.clear();
  }

  /**
   * Whether {@link #close()} was called.
   *
   * @return true once closed
   */
  public synchronized boolean closed() {
    return closed;
  }

  // ---- Provider ---------------------------------------------------------------------------

  @Override
  public String name() {
    return name;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.builder()
        .remoteShell(true)
        .namedSessions(true)
        .interactiveAttach(true)
        .persistentVolume(true)
        .sameMachine(false)
        .build();
  }

  @Override
  public Optional<RemoteShell> remoteShell() {
    return Optional.of(shell);
  }

  @Override
  public String remoteRoot() {
    return remoteRoot;
  }

  @Override
  public String toRemotePath(String configuredPath) {
    if (remoteRoot.equals("/workspace")) {
      return configuredPath;
    }
    if (configuredPath.equals("/workspace")) {
      return remoteRoot;
    }
    return configuredPath.startsWith("/workspace/")
        ? remoteRoot + configuredPath.substring("/workspace".length())
        : configuredPath;
  }

  @Override
  public String identity() {
    return name + ":" + remoteRoot;
  }

  @Override
  public DeployReport build(DeployRequest request) {
    record(Kind.BUILD, List.of());
    return report("cloud_build");
  }

  @Override
  public DeployReport deploy(DeployRequest request) {
    record(Kind.DEPLOY, List.copyOf(new TreeSet<>(request.secrets().keySet())));
    return report("cloud_deploy");
  }

  @Override
  public synchronized void down() {
    record(Kind.DOWN, List.of());
    sessions.clear();
  }

  @Override
  public synchronized void destroy() {
    record(Kind.DESTROY, List.of());
    sessions.clear();
    files.clear();
    modes.clear();
  }

  /** Delivers the scripted log lines (the last {@code tailLines} of them) and returns. */
  @Override
  public void logs(LogRequest request) {
    List<String> lines;
    synchronized (this) {
      record(Kind.LOGS, request.source().map(List::of).orElse(List.of()));
      lines =
          List.copyOf(
              logLines.subList(
                  Math.max(0, logLines.size() - request.tailLines()), logLines.size()));
    }
    lines.forEach(request.sink());
  }

  /** Returns 0 for a running session; {@code invalid_args} listing the sessions otherwise. */
  @Override
  public synchronized int attach(Optional<String> session) {
    record(Kind.ATTACH, session.map(List::of).orElse(List.of()));
    if (session.isEmpty() || !sessions.contains(session.get())) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          "No such session; sessions: " + String.join(", ", sessions),
          Map.of("sessions", List.copyOf(sessions)));
    }
    return 0;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private DeployReport report(String event) {
    return DeployReport.builder()
        .success(true)
        .event(event)
        .provider(name)
        .service(identity())
        .noOp(false)
        .verdict(name + " box ready")
        .build();
  }

  private synchronized void record(Kind kind, List<String> subjects) {
    journal.add(new Call(kind, subjects));
  }

  private synchronized Answer answerFor(String command) {
    for (int i = stubbings.size() - 1; i >= 0; i--) {
      Stubbing stubbing = stubbings.get(i);
      if (!stubbing.answers.isEmpty() && stubbing.match.test(command)) {
        return stubbing.nextAnswer();
      }
    }
    ExecResult fallback = defaultAnswer;
    return (c, t) -> fallback;
  }

  private synchronized void store(Upload upload) {
    String path = upload.remotePath();
    for (Map.Entry<Match, String> failure : uploadFailures) {
      if (failure.getKey().test(path)) {
        throw uploadFailed(path, failure.getValue());
      }
    }
    if (!path.startsWith("/") || path.endsWith("/")) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS, "A path on the box must be an absolute file path: " + path);
    }
    for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
      String ancestor = path.substring(0, slash);
      if (files.containsKey(ancestor)) {
        throw uploadFailed(path, ancestor + " is a file, not a directory");
      }
    }
    if (isDirectory(path)) {
      throw uploadFailed(path, "it is a directory");
    }
    files.put(path, upload.content().clone());
    modes.put(path, upload.mode() & 07777);
  }

  private boolean isDirectory(String path) {
    String prefix = path + "/";
    String next = files.ceilingKey(prefix);
    return next != null && next.startsWith(prefix);
  }

  private static CloudException uploadFailed(String path, String reason) {
    return new CloudException(
        ErrorCode.PROVIDER_FAILED,
        "Could not upload " + path + " (" + reason + "); the previous file, if any, is unchanged",
        Map.of("remote_path", path));
  }

  /** The fake's remote shell: scripted commands, in-memory files. */
  private final class Shell implements RemoteShell {
    @Override
    public ExecResult exec(String command, Duration timeout) {
      Answer answer;
      synchronized (FakeProvider.this) {
        record(Kind.EXEC, List.of(command));
        answer = answerFor(command);
      }
      return answer.answer(command, timeout);
    }

    @Override
    public void upload(List<Upload> uploads) {
      synchronized (FakeProvider.this) {
        record(Kind.UPLOAD, uploads.stream().map(Upload::remotePath).collect(Collectors.toList()));
        for (Upload upload : uploads) {
          store(upload);
        }
      }
    }

    @Override
    public Optional<String> read(String remotePath) {
      synchronized (FakeProvider.this) {
        record(Kind.READ, List.of(remotePath));
        if (isDirectory(remotePath)) {
          Map<String, Object> context = new LinkedHashMap<>();
          context.put("remote_path", remotePath);
          throw new CloudException(
              ErrorCode.PROVIDER_FAILED,
              "Could not read " + remotePath + ": Is a directory",
              context);
        }
        return text(remotePath);
      }
    }
  }
}
