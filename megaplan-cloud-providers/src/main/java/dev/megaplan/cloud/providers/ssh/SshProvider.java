package dev.megaplan.cloud.providers.ssh;

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
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import dev.megaplan.cloud.providers.internal.DeployDirRemover;
import dev.megaplan.cloud.providers.internal.SessionNames;
import dev.megaplan.cloud.providers.internal.container.CommandStep;
import dev.megaplan.cloud.providers.internal.container.ContainerShell;
import dev.megaplan.cloud.providers.ssh.internal.DeploySync;
import dev.megaplan.cloud.providers.ssh.internal.SshConnection;
import dev.megaplan.cloud.providers.ssh.internal.SshEndpoint;
import dev.megaplan.cloud.providers.ssh.internal.SshTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code ssh} provider: a Docker host reached over one SSH connection (JSch), reused for every
 * exec channel and SFTP transfer of a session. The remote shell is {@link ContainerShell} — "run
 * inside the container" — over an {@link SshTransport}: {@code docker exec -i <container> bash -lc
 * CMD}. Lifecycle commands ({@code docker build}, {@code run}, {@code logs}…) run on the host.
 *
 * <p>Secrets never travel on a command line: {@code .env} is written over SFTP with mode 600, and
 * uploads into the container travel on the exec channel's stdin.
 */
public final class SshProvider implements Provider {
  /** The provider's name in cloud.yaml. */
  public static final String NAME = "ssh";

  private static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .remoteShell(true)
          .namedSessions(true)
          .interactiveAttach(true)
          .persistentVolume(false)
          .sameMachine(false)
          .build();

  private final SshSettings settings;
  private final SshConnection connection;
  private final ContainerShell shell;
  private final Function<Path, List<DeployStep>> renderer;

  /**
   * Creates the provider; nothing is connected until the first operation or {@link #connectAhead}.
   *
   * @param settings the endpoint, container and timeouts
   * @param renderer renders the deploy directory into the given directory and returns its steps
   *     (empty steps when the directory is prepared by someone else)
   */
  public SshProvider(SshSettings settings, Function<Path, List<DeployStep>> renderer) {
    this.settings = settings;
    this.renderer = renderer;
    this.connection =
        new SshConnection(
            new SshEndpoint(
                settings.host(),
                settings.port(),
                settings.user(),
                settings.knownHosts(),
                settings.identityFile(),
                settings.home(),
                settings.environment(),
                settings.connectTimeout(),
                settings.keepAlive()));
    List<String> prefix = new ArrayList<>(settings.docker());
    prefix.addAll(List.of("exec", "-i", settings.container()));
    this.shell =
        new ContainerShell(
            new SshTransport(connection),
            prefix,
            "container '" + settings.container() + "' on " + settings.host());
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

  /** Opens the SSH connection on a background thread (see {@link SshConnection#connectAhead}). */
  @Override
  public void connectAhead() {
    connection.connectAhead();
  }

  @Override
  public String remoteRoot() {
    return settings.workspaceRoot();
  }

  @Override
  public String toRemotePath(String configuredPath) {
    String root = settings.workspaceRoot();
    if (root.equals("/workspace")) {
      return configuredPath;
    }
    if (configuredPath.equals("/workspace")) {
      return root;
    }
    if (configuredPath.startsWith("/workspace/")) {
      return root + configuredPath.substring("/workspace".length());
    }
    return configuredPath;
  }

  /**
   * The SSH host: what local markers record as {@code provider_identity}.
   *
   * @return the host
   */
  @Override
  public String identity() {
    return settings.host();
  }

  /**
   * How many SSH connections this provider opened so far: 1 for a session that never had to
   * reconnect.
   *
   * @return the count
   */
  public long connectionsOpened() {
    return connection.connectionsOpened();
  }

  /**
   * Renders the deploy directory, sends the changed files to {@code ssh.remote_dir} over SFTP, then
   * {@code docker build -t <container> <remote_dir>} on the host. With {@code image.ref} set
   * nothing is sent or built: {@code deploy} runs that image.
   *
   * @param request where progress goes (a deploy dir in the request is used as it is)
   * @return the report, {@code event: cloud_build}
   */
  @Override
  public DeployReport build(DeployRequest request) {
    Path dir = request.deployDir().orElse(settings.deployDir());
    List<DeployStep> steps = new ArrayList<>();
    if (request.deployDir().isEmpty()) {
      steps.addAll(renderer.apply(dir));
    }
    if (settings.imageRef().isPresent()) {
      steps.add(
          progress(
              request,
              DeployStep.builder()
                  .name("docker build")
                  .status("skipped")
                  .detail("image.ref is set: " + settings.imageRef().get() + " is run as it is")
                  .build()));
      return report("cloud_build", dir, steps, "not_triggered");
    }
    steps.add(sync(dir, request));
    if (failed(steps)) {
      return report("cloud_build", dir, steps, "not_triggered");
    }
    steps.add(
        hostStep(
            "docker build",
            docker("build", "-t", settings.container(), settings.remoteDir()),
            settings.buildTimeout(),
            request));
    return report("cloud_build", dir, steps, failed(steps) ? "not_triggered" : "triggered");
  }

  /**
   * Writes {@code <remote_dir>/.env} over SFTP (mode 600; {@code PORT} and the secrets), removes
   * the old container and runs the new one from the built image or {@code image.ref}.
   *
   * @param request the secrets and where progress goes
   * @return the report, {@code event: cloud_deploy}
   */
  @Override
  public DeployReport deploy(DeployRequest request) {
    Path dir = request.deployDir().orElse(settings.deployDir());
    List<DeployStep> steps = new ArrayList<>();
    StringBuilder env = new StringBuilder("PORT=" + settings.appPort() + "\n");
    for (Map.Entry<String, String> secret : request.secrets().entrySet()) {
      if (secret.getValue().indexOf('\n') >= 0) {
        throw new CloudException(
            ErrorCode.INVALID_SPEC,
            "The secret " + secret.getKey() + " contains a newline, which an env file cannot hold",
            Map.of("secret", secret.getKey()));
      }
      env.append(secret.getKey()).append('=').append(secret.getValue()).append('\n');
    }
    String envFile = settings.remoteDir() + "/.env";
    new DeploySync(connection, settings.commandTimeout())
        .writeFile(envFile, env.toString().getBytes(StandardCharsets.UTF_8), 0600);
    DeployStep written =
        DeployStep.builder()
            .name("write .env")
            .status("ok")
            .detail(envFile + " (mode 600; " + (request.secrets().size() + 1) + " variables)")
            .build();
    request.progress().accept(written.name() + ": ok");
    steps.add(written);
    steps.add(
        hostStep(
            "remove old container",
            List.of(
                "sh", "-c", ShellQuote.join(docker("rm", "-f", settings.container())) + " || true"),
            settings.commandTimeout(),
            request));
    steps.add(
        hostStep(
            "docker run",
            docker(
                "run",
                "-d",
                "--name",
                settings.container(),
                "--restart",
                "unless-stopped",
                "--env-file",
                envFile,
                "-p",
                settings.appPort() + ":" + settings.appPort(),
                settings.image()),
            settings.commandTimeout(),
            request));
    List<String> vars = new ArrayList<>(List.of("PORT"));
    vars.addAll(request.secrets().keySet());
    return DeployReport.builder()
        .from(report("cloud_deploy", dir, steps, "not_applicable"))
        .imageRef(settings.image())
        .varsUpdated(vars)
        .build();
  }

  /** {@code docker stop <container>} on the host. */
  @Override
  public void down() {
    requireOk("stop the container", docker("stop", settings.container()));
  }

  /**
   * {@code docker rm -f <container>}, {@code rm -rf <remote_dir>} on the host, and the local
   * persistent deploy directory removed. Refuses, before anything is removed, a {@code remote_dir}
   * that is not absolute, has fewer than two path segments ({@code /}, {@code /tmp}, {@code /home})
   * or contains {@code ..}.
   */
  @Override
  public void destroy() {
    checkRemovable(settings.remoteDir());
    requireOk("remove the container", docker("rm", "-f", settings.container()));
    requireOk("remove " + settings.remoteDir(), List.of("rm", "-rf", "--", settings.remoteDir()));
    DeployDirRemover.remove(settings.deployDir(), settings.home());
  }

  /**
   * {@code docker logs --tail N <container>}, or {@code docker logs -f --tail N} streamed until the
   * calling thread is interrupted.
   *
   * @param request follow or tail, and the sink
   */
  @Override
  public void logs(LogRequest request) {
    List<String> argv =
        request.follow()
            ? docker(
                "logs", "-f", "--tail", String.valueOf(request.tailLines()), settings.container())
            : docker("logs", "--tail", String.valueOf(request.tailLines()), settings.container());
    int status = connection.stream(ShellQuote.join(argv), request.sink());
    if (status > 0) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "docker logs on " + settings.host() + " exited with " + status,
          Map.of("exit_code", status));
    }
  }

  /**
   * {@code docker exec -it <container> tmux attach -t =<session>} in a pseudo-terminal over the
   * connection, wired to the settings' terminal (this process's stdin and stdout by default).
   * Interactive: no timeout.
   *
   * @param session the session
   * @return the exit status of the attached client
   */
  @Override
  public int attach(Optional<String> session) {
    if (session.isEmpty() || session.get().isBlank()) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          "Name the session to attach to (--session); no chain was launched from here",
          Map.of("host", settings.host()));
    }
    SessionNames.requireSafe(session.get());
    List<String> argv = new ArrayList<>(settings.docker());
    argv.addAll(
        List.of("exec", "-it", settings.container(), "tmux", "attach", "-t", "=" + session.get()));
    return connection.interactive(
        ShellQuote.join(argv), settings.terminalIn(), settings.terminalOut());
  }

  /** Closes the SSH connection. */
  @Override
  public void close() {
    connection.close();
  }

  private static void checkRemovable(String remoteDir) {
    List<String> segments = new ArrayList<>();
    for (String segment : remoteDir.split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    if (!remoteDir.startsWith("/") || segments.size() < 2 || segments.contains("..")) {
      throw new CloudException(
          ErrorCode.INVALID_SPEC,
          "Refusing to remove ssh.remote_dir '"
              + remoteDir
              + "': it must be an absolute path at least two directories deep, without '..'",
          Map.of("remote_dir", remoteDir));
    }
  }

  private DeployStep sync(Path dir, DeployRequest request) {
    if (!Files.isDirectory(dir)) {
      return progress(
          request,
          DeployStep.builder()
              .name("sync deploy dir")
              .status("failed")
              .detail("No rendered deploy directory at " + dir)
              .build());
    }
    DeploySync.Outcome outcome =
        new DeploySync(connection, settings.commandTimeout()).sync(dir, settings.remoteDir());
    return progress(
        request,
        DeployStep.builder()
            .name("sync deploy dir")
            .status("ok")
            .detail(
                outcome.sent().size()
                    + " sent, "
                    + outcome.unchanged().size()
                    + " unchanged, to "
                    + settings.host()
                    + ":"
                    + settings.remoteDir())
            .metadata(Map.of("sent", outcome.sent(), "unchanged", outcome.unchanged()))
            .build());
  }

  /** Runs a docker command on the host as a step, its tails redacted of the request's secrets. */
  private DeployStep hostStep(
      String name, List<String> argv, Duration timeout, DeployRequest request) {
    Map<String, String> secrets = request.secrets();
    Redactor redactor = Redactor.create(secrets.keySet(), secrets::get);
    return new CommandStep(new SshTransport(connection), redactor::redact, request.progress())
        .run(name, argv, timeout);
  }

  private static DeployStep progress(DeployRequest request, DeployStep step) {
    request
        .progress()
        .accept(
            step.name() + ": " + step.status() + step.detail().map(d -> " (" + d + ")").orElse(""));
    return step;
  }

  private void requireOk(String what, List<String> argv) {
    ExecResult result =
        connection.exec(ShellQuote.join(argv), new byte[0], settings.commandTimeout(), false);
    if (!result.succeeded()) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not "
              + what
              + " on "
              + settings.host()
              + ": "
              + (result.stderr().isBlank()
                  ? "exit status " + result.exitCode()
                  : result.stderr().strip()),
          Map.of("exit_code", result.exitCode()));
    }
  }

  private List<String> docker(String... words) {
    List<String> argv = new ArrayList<>(settings.docker());
    argv.addAll(List.of(words));
    return argv;
  }

  private DeployReport report(String event, Path dir, List<DeployStep> steps, String rebuild) {
    List<String> failed = new ArrayList<>();
    for (DeployStep step : steps) {
      if (step.status().equals("failed")) {
        failed.add(step.name() + step.detail().map(d -> ": " + d).orElse(""));
      }
    }
    Map<String, Object> logs = new LinkedHashMap<>();
    logs.put(
        "container",
        ShellQuote.join(
            List.of(
                "ssh",
                settings.user() + "@" + settings.host(),
                "docker",
                "logs",
                settings.container())));
    return DeployReport.builder()
        .success(failed.isEmpty())
        .event(event)
        .provider(NAME)
        .service(settings.host())
        .deployDir(dir.toString())
        .steps(steps)
        .imageRebuild(rebuild)
        .noOp(false)
        .logs(logs)
        .verdict(
            failed.isEmpty()
                ? settings.container()
                    + " on "
                    + settings.host()
                    + ": "
                    + event.substring(6)
                    + " ok"
                : settings.container()
                    + " on "
                    + settings.host()
                    + " failed: "
                    + String.join("; ", failed))
        .build();
  }

  private static boolean failed(List<DeployStep> steps) {
    return steps.stream().anyMatch(step -> step.status().equals("failed"));
  }
}
