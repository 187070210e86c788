package dev.megaplan.cloud.providers.host;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.internal.io.AtomicFileWriter;
import dev.megaplan.cloud.core.internal.remote.BootSessionCommand;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import dev.megaplan.cloud.providers.host.internal.ChainLogs;
import dev.megaplan.cloud.providers.host.internal.HostChecks;
import dev.megaplan.cloud.providers.host.internal.HostEnvironment;
import dev.megaplan.cloud.providers.host.internal.HostRoots;
import dev.megaplan.cloud.providers.host.internal.HostShell;
import dev.megaplan.cloud.providers.host.internal.LogFollower;
import dev.megaplan.cloud.providers.host.internal.RootRemover;
import dev.megaplan.cloud.providers.host.internal.TmuxSocket;
import dev.megaplan.cloud.providers.internal.Executables;
import dev.megaplan.cloud.providers.internal.ProcessRunner;
import dev.megaplan.cloud.providers.internal.SessionNames;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code host} provider: the runner box is this machine. {@code ROOT} is a real local directory
 * ({@code host.root}); commands run as {@code bash -c} child processes with an explicit
 * environment; every tmux call goes to this root's own server ({@code tmux -S <socket>}), so the
 * user's own tmux sessions are never seen or touched.
 *
 * <p>Build one from {@link HostSettings}; {@link HostProviderFactory} maps cloud.yaml onto them.
 */
public final class HostProvider implements Provider {
  /** The provider's name in cloud.yaml. */
  public static final String NAME = "host";

  private static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .remoteShell(true)
          .namedSessions(true)
          .interactiveAttach(true)
          .persistentVolume(true)
          .sameMachine(true)
          .build();

  private final HostSettings settings;
  private final Path root;
  private final Path socket;
  private final Map<String, String> environment;
  private final String bash;
  private final HostShell shell;

  /**
   * Creates the provider. Nothing is created on disk and no process is started until an operation
   * needs it.
   *
   * @param settings where the root is, the environment, the launcher, timeouts
   */
  public HostProvider(HostSettings settings) {
    this.settings = settings;
    this.root = settings.root();
    this.socket = TmuxSocket.forRoot(root, settings.tempDir());
    this.environment =
        HostEnvironment.of(
            settings.environment(), settings.passedVariables(), settings.home().orElse(null));
    String path = environment.get("PATH");
    this.bash = Executables.find("bash", path).orElse("bash");
    this.shell =
        new HostShell(ProcessRunner.create(path), bash, environment, root, new AtomicFileWriter());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Optional<RemoteShell> remoteShell() {
    return Optional.of(shell);
  }

  /**
   * The root directory, absolute: the real path of the box's {@code /workspace}.
   *
   * @return the root
   */
  @Override
  public String remoteRoot() {
    return root.toString();
  }

  /**
   * {@code /workspace} → the root, {@code /workspace/x} → {@code <root>/x}; any other path
   * (including {@code /workspacefoo}) is returned as written.
   *
   * @param configuredPath a path as written in cloud.yaml or a chain spec
   * @return the real local path
   */
  @Override
  public String toRemotePath(String configuredPath) {
    return HostRoots.toLocal(root.toString(), configuredPath);
  }

  /**
   * {@code tmux -S '<socket>'}: this root's own tmux server. Creates the socket's directory.
   *
   * @return the shell text that starts a tmux client of this root's server
   */
  @Override
  public String tmuxCommand() {
    try {
      Files.createDirectories(socket.getParent());
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not create the tmux socket directory "
              + socket.getParent()
              + ": "
              + e.getMessage(),
          Map.of("socket", socket.toString()),
          e);
    }
    return "tmux -S " + ShellQuote.quote(socket.toString());
  }

  /**
   * The root path: what local markers record as {@code provider_identity}.
   *
   * @return the root
   */
  @Override
  public String identity() {
    return root.toString();
  }

  /**
   * The root directory.
   *
   * @return the root
   */
  public Path root() {
    return root;
  }

  /**
   * The UNIX socket of this root's tmux server.
   *
   * @return the socket path
   */
  public Path tmuxSocket() {
    return socket;
  }

  /**
   * The sessions of this root's tmux server (empty when no server runs).
   *
   * @return the session names
   */
  public List<String> sessions() {
    ExecResult result =
        shell.exec(
            tmuxCommand() + " list-sessions -F '#{session_name}'", settings.commandTimeout());
    if (!result.succeeded()) {
      if (noServer(result)) {
        return List.of();
      }
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not list the tmux sessions of " + root + ": " + result.stderr().strip(),
          Map.of("exit_code", result.exitCode()));
    }
    return result.stdout().lines().filter(line -> !line.isBlank()).collect(Collectors.toList());
  }

  /**
   * Checks the box: tmux present (with its version), git present, the launcher resolvable. Nothing
   * is changed.
   *
   * @param request where progress goes
   * @return the report, {@code event: cloud_build}
   */
  @Override
  public DeployReport build(DeployRequest request) {
    List<DeployStep> steps = checks(request);
    return report("cloud_build", steps);
  }

  /**
   * The checks of {@link #build}, then the root's {@code .megaplan} directory is made. Starting the
   * {@code agent} session for {@code mode: auto|chain} is not done here yet (the mode is not part
   * of the configuration this provider receives).
   *
   * @param request where progress goes
   * @return the report, {@code event: cloud_deploy}
   */
  @Override
  public DeployReport deploy(DeployRequest request) {
    List<DeployStep> steps = checks(request);
    DeployStep prepare;
    try {
      Files.createDirectories(root.resolve(".megaplan"));
      prepare =
          DeployStep.builder().name("prepare root").status("ok").detail(root.toString()).build();
    } catch (IOException e) {
      prepare =
          DeployStep.builder()
              .name("prepare root")
              .status("failed")
              .detail("Could not create " + root.resolve(".megaplan") + ": " + e.getMessage())
              .build();
    }
    request.progress().accept(prepare.name() + ": " + prepare.status());
    steps.add(prepare);
    settings
        .bootConfig()
        .flatMap(config -> BootSessionCommand.forConfig(config, tmuxCommand(), this::toRemotePath))
        .ifPresent(boot -> steps.add(startBootSession(boot, request)));
    return report("cloud_deploy", steps);
  }

  /** Starts the boot session ({@code mode: auto|chain}) as a container entrypoint would. */
  private DeployStep startBootSession(BootSessionCommand boot, DeployRequest request) {
    String answer = BootSessionCommand.parse(shell.exec(boot.render(), settings.commandTimeout()));
    String status =
        answer.equals("started") || answer.equals("already_running")
            ? "ok"
            : answer.startsWith("idle:") ? "warning" : "failed";
    DeployStep step =
        DeployStep.builder()
            .name("start " + BootSessionCommand.SESSION + " session")
            .status(status)
            .detail(answer)
            .build();
    request.progress().accept(step.name() + ": " + answer);
    return step;
  }

  /** Kills this root's tmux server, and with it every session it runs; no server is fine. */
  @Override
  public void down() {
    ExecResult result = shell.exec(tmuxCommand() + " kill-server", settings.commandTimeout());
    if (!result.succeeded() && !noServer(result) && result.exitCode() != 127) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not stop the tmux server of " + root + ": " + result.stderr().strip(),
          Map.of("exit_code", result.exitCode(), "socket", socket.toString()));
    }
  }

  /**
   * Stops this root's tmux server and deletes the root. Refuses (before stopping anything) a root
   * that is {@code /}, a home directory or above one, or a non-empty directory without a {@code
   * .megaplan} directory inside.
   */
  @Override
  public void destroy() {
    Set<Path> homes = new LinkedHashSet<>();
    settings.home().ifPresent(homes::add);
    String home = environment.get("HOME");
    if (home != null && home.startsWith("/")) {
      homes.add(Path.of(home).normalize());
    }
    RootRemover.check(root, homes);
    down();
    RootRemover.delete(root, homes);
    if (!socket.startsWith(root)) {
      try {
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        // a stale socket in the temp directory is harmless
      }
    }
  }

  /**
   * Streams a chain log: the one {@link LogRequest#source()} names (a path, or a session whose log
   * is {@code cloud-chain-<session>.log}), else the newest under the root. Without follow, the last
   * {@link LogRequest#tailLines()} lines; with follow, those and then every new line until the
   * calling thread is interrupted, surviving truncation and recreation of the file.
   *
   * @param request follow or tail, the source and the sink
   */
  @Override
  public void logs(LogRequest request) {
    try {
      Optional<Path> log = chooseLog(request.source());
      if (log.isEmpty()) {
        if (!request.follow()) {
          throw new CloudException(
              ErrorCode.PROVIDER_FAILED,
              "No chain log under " + root + " yet (looked for */.megaplan/cloud-chain*.log)",
              Map.of("root", root.toString()));
        }
        log = waitForLog();
        if (log.isEmpty()) {
          return;
        }
      }
      if (!request.follow()) {
        LogFollower.tail(log.get(), request.tailLines(), request.sink());
        return;
      }
      new LogFollower(log.get(), request.sink(), settings.pollInterval(), settings.sleeper())
          .follow(request.tailLines());
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | UncheckedIOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not read the chain log under " + root + ": " + e.getMessage(),
          Map.of("root", root.toString()),
          e);
    }
  }

  /**
   * Attaches the terminal to a session of this root's tmux server ({@code tmux -S … attach -t
   * =<session>}, an exact match), with this process's stdin, stdout and stderr. Interactive: it
   * runs until the user detaches, so it has no timeout.
   *
   * @param session the session
   * @return the tmux client's exit status
   * @throws CloudException {@code invalid_args} without a session (listing this root's sessions),
   *     for a name outside the safe set of session names, for an unknown session, or without a
   *     terminal
   */
  @Override
  public int attach(Optional<String> session) {
    if (session.isEmpty() || session.get().isBlank()) {
      throw noSuchSession("Name the session to attach to", sessions());
    }
    SessionNames.requireSafe(session.get());
    if (!settings.terminal().getAsBoolean()) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          "attach needs an interactive terminal, and none is attached to this process",
          Map.of("session", session.get()));
    }
    List<String> sessions = sessions();
    if (!sessions.contains(session.get())) {
      throw noSuchSession("No session '" + session.get() + "' on " + root, sessions);
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                bash, "-c", tmuxCommand() + " attach -t " + ShellQuote.quote("=" + session.get()))
            .inheritIO()
            .directory(root.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        process.destroy();
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED, "Interrupted while attached", Map.of(), e);
      }
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "Could not start tmux attach: " + e.getMessage(),
          Map.of(),
          e);
    }
  }

  /** Nothing to release: the tmux server is the box and outlives the session. */
  @Override
  public void close() {}

  private List<DeployStep> checks(DeployRequest request) {
    List<DeployStep> steps =
        new ArrayList<>(new HostChecks(shell, settings.commandTimeout()).run(settings.launcher()));
    for (DeployStep step : steps) {
      request
          .progress()
          .accept(
              step.name()
                  + ": "
                  + step.status()
                  + step.detail().map(d -> " (" + d + ")").orElse(""));
    }
    return steps;
  }

  private DeployReport report(String event, List<DeployStep> steps) {
    List<String> failed =
        steps.stream()
            .filter(step -> step.status().equals("failed"))
            .map(step -> step.detail().orElse(step.name()))
            .collect(Collectors.toList());
    Map<String, Object> logs = new LinkedHashMap<>();
    logs.put(
        "chain_logs",
        List.of(root + "/*/.megaplan/cloud-chain*.log", root + "/*/*/.megaplan/cloud-chain*.log"));
    logs.put("tmux_socket", socket.toString());
    return DeployReport.builder()
        .success(failed.isEmpty())
        .event(event)
        .provider(NAME)
        .service(root.toString())
        .steps(steps)
        .noOp(steps.stream().noneMatch(step -> step.detail().orElse("").equals("started")))
        .logs(logs)
        .verdict(
            failed.isEmpty()
                ? "host box ready at " + root
                : "host box not ready: " + String.join("; ", failed))
        .build();
  }

  private Optional<Path> chooseLog(Optional<String> source) {
    if (source.isPresent() && !source.get().isBlank()) {
      String value = source.get();
      if (value.startsWith("/")) {
        return Optional.of(Path.of(toRemotePath(value)));
      }
      String fileName = ChainLogs.fileName(value);
      return ChainLogs.newestFirst(root).stream()
          .filter(log -> log.getFileName().toString().equals(fileName))
          .findFirst();
    }
    return ChainLogs.newestFirst(root).stream().findFirst();
  }

  private Optional<Path> waitForLog() {
    while (!Thread.currentThread().isInterrupted()) {
      List<Path> logs = ChainLogs.newestFirst(root);
      if (!logs.isEmpty()) {
        return Optional.of(logs.get(0));
      }
      try {
        settings.sleeper().sleep(settings.pollInterval());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return Optional.empty();
  }

  private CloudException noSuchSession(String message, List<String> sessions) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("sessions", sessions);
    context.put("root", root.toString());
    return new CloudException(
        ErrorCode.INVALID_ARGS,
        message
            + (sessions.isEmpty()
                ? "; this root's tmux server runs no sessions"
                : "; sessions: " + String.join(", ", sessions)),
        context);
  }

  private static boolean noServer(ExecResult result) {
    String stderr = result.stderr();
    return stderr.contains("no server running")
        || stderr.contains("error connecting to")
        || stderr.contains("server exited unexpectedly")
        || stderr.contains("No such file or directory");
  }
}
