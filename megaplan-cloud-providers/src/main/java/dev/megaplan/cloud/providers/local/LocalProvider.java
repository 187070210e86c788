package dev.megaplan.cloud.providers.local;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.LocalConfig;
import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.deploy.DeployDirectory;
import dev.megaplan.cloud.core.internal.deploy.RenderedDeployDir;
import dev.megaplan.cloud.core.internal.remote.BootSessionCommand;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import dev.megaplan.cloud.providers.internal.DeployDirRemover;
import dev.megaplan.cloud.providers.internal.ProcessRunner;
import dev.megaplan.cloud.providers.internal.SessionNames;
import dev.megaplan.cloud.providers.internal.container.CommandStep;
import dev.megaplan.cloud.providers.internal.container.CommandTransport;
import dev.megaplan.cloud.providers.internal.container.ContainerShell;
import dev.megaplan.cloud.providers.internal.container.LocalTransport;
import dev.megaplan.cloud.providers.local.internal.ComposeCli;
import dev.megaplan.cloud.providers.local.internal.EnvFile;
import dev.megaplan.cloud.providers.local.internal.LocalEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code local} provider (07 "local"): Docker Compose on this machine, in the persistent deploy
 * directory {@code ~/.megaplan/cloud/<compose_project>/}. Every call is {@code docker compose -p
 * <project> -f <dir>/docker-compose.yaml …} (or {@code docker-compose …} when the Compose plugin is
 * missing); the remote shell is {@code … exec -T agent bash -lc CMD}, uploads travel on its stdin.
 * Secret values go only into the deploy directory's {@code .env} (mode 600): never on a command
 * line, in output or in an exception.
 *
 * <p>{@code docker} is looked up at first use, not at construction: a machine without it gets
 * {@code provider_unavailable} with the install link when an operation needs it.
 */
public final class LocalProvider implements Provider {
  /** The provider's name in cloud.yaml. */
  public static final String NAME = "local";

  /** The compose service every command targets. */
  public static final String SERVICE = "agent";

  private static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .remoteShell(true)
          .namedSessions(true)
          .interactiveAttach(true)
          .persistentVolume(true)
          .sameMachine(false)
          .build();

  private static final Duration BUILD_TIMEOUT = Duration.ofHours(1);
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(15);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration LOGS_TIMEOUT = Duration.ofMinutes(2);

  private final CloudConfig config;
  private final String project;
  private final Path deployDir;
  private final Path home;
  private final Map<String, String> environment;
  private final ProcessRunner runner;
  private ComposeCli compose;
  private ContainerShell shell;

  /**
   * Creates the provider. Nothing is run and nothing is written until an operation needs it.
   *
   * @param context the configuration, the local environment and the home directory
   */
  public LocalProvider(ProviderContext context) {
    this.config = context.config();
    LocalConfig local = config.local().orElseGet(() -> LocalConfig.builder().build());
    this.project = local.composeProject();
    this.home = context.home().toAbsolutePath().normalize();
    this.deployDir = deployDir(home, project);
    this.environment = LocalEnvironment.of(context.environment());
    this.runner = ProcessRunner.create(environment.get("PATH"));
  }

  /**
   * The persistent deploy directory of a compose project: {@code <home>/.megaplan/cloud/<project>}.
   *
   * @param home the local home directory
   * @param project the compose project
   * @return the directory
   */
  public static Path deployDir(Path home, String project) {
    return home.resolve(".megaplan").resolve("cloud").resolve(project);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * {@code … exec -T agent bash -lc CMD}; Compose is detected on the shell's first call.
   *
   * @return the shell
   */
  @Override
  public Optional<RemoteShell> remoteShell() {
    return Optional.of(
        new RemoteShell() {
          @Override
          public ExecResult exec(String command, Duration timeout) {
            return shell().exec(command, timeout);
          }

          @Override
          public void upload(List<Upload> uploads) {
            shell().upload(uploads);
          }

          @Override
          public Optional<String> read(String remotePath) {
            return shell().read(remotePath);
          }
        });
  }

  /**
   * The compose project.
   *
   * @return {@code local.compose_project}
   */
  @Override
  public String identity() {
    return project;
  }

  /**
   * The persistent deploy directory.
   *
   * @return {@code ~/.megaplan/cloud/<compose_project>}
   */
  public Path deployDir() {
    return deployDir;
  }

  /**
   * Renders the deploy directory, then {@code … build}; with {@code image.ref} set nothing is built
   * (the compose service runs that image) and the build step says so.
   *
   * @param request where progress goes
   * @return the report: the render steps, then {@code compose build}
   */
  @Override
  public DeployReport build(DeployRequest request) {
    ComposeCli cli = compose();
    List<DeployStep> steps = new ArrayList<>(render(request));
    Optional<String> prebuilt = config.image().ref();
    if (prebuilt.isPresent()) {
      DeployStep skipped =
          DeployStep.builder()
              .name("compose build")
              .status("skipped")
              .detail("image.ref is set: " + prebuilt.get() + " is deployed as it is")
              .build();
      request.progress().accept(skipped.name() + ": skipped (" + skipped.detail().get() + ")");
      steps.add(skipped);
      return report("cloud_build", steps, List.of(), "not_triggered");
    }
    DeployStep build =
        steps(request, Map.of())
            .run(
                "compose build", cli.argv(project, composeFile(), List.of("build")), BUILD_TIMEOUT);
    steps.add(build);
    return report(
        "cloud_build",
        steps,
        List.of(),
        build.status().equals("ok") ? "triggered" : "not_triggered");
  }

  /**
   * Renders the deploy directory, writes {@code .env} ({@code PORT} and the secrets, mode 600),
   * then {@code … up -d}: the service built from the deploy directory, or the {@code image.ref}
   * image.
   *
   * @param request the secrets and where progress goes
   * @return the report: the render steps, {@code write .env}, {@code compose up -d}
   */
  @Override
  public DeployReport deploy(DeployRequest request) {
    ComposeCli cli = compose();
    String envText = EnvFile.render(config.resources().port(), request.secrets());
    List<DeployStep> steps = new ArrayList<>(render(request));
    Path env = deployDir.resolve(".env");
    EnvFile.write(env, envText);
    List<String> names = EnvFile.names(request.secrets());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("path", env.toString());
    metadata.put("mode", "600");
    metadata.put("variables", names);
    DeployStep wrote =
        DeployStep.builder().name("write .env").status("ok").metadata(metadata).build();
    request.progress().accept("write .env: ok (" + String.join(", ", names) + ")");
    steps.add(wrote);
    try {
      Files.createDirectories(deployDir.resolve(workdir()));
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not create the bind-mounted workdir "
              + deployDir.resolve(workdir())
              + ": "
              + e.getMessage(),
          Map.of("deploy_dir", deployDir.toString()),
          e);
    }
    steps.add(
        steps(request, request.secrets())
            .run(
                "compose up -d",
                cli.argv(project, composeFile(), List.of("up", "-d")),
                UP_TIMEOUT));
    return report("cloud_deploy", steps, names, "not_applicable");
  }

  /** {@code … stop}. */
  @Override
  public void down() {
    compose(List.of("stop"), STOP_TIMEOUT, "stop the runner");
  }

  /**
   * {@code … down --volumes --remove-orphans}, then the deploy directory is removed. When nothing
   * was ever deployed (no compose file), only the directory goes.
   */
  @Override
  public void destroy() {
    if (Files.isRegularFile(deployDir.resolve("docker-compose.yaml"))) {
      compose(
          List.of("down", "--volumes", "--remove-orphans"), STOP_TIMEOUT, "tear down the runner");
    } else {
      compose(); // docker is still required, so a missing one says so before anything goes
    }
    DeployDirRemover.remove(deployDir, home);
  }

  /**
   * {@code … logs --tail N agent}, or {@code … logs -f --tail N agent} to follow, line by line.
   *
   * @param request follow or tail, and the sink
   */
  @Override
  public void logs(LogRequest request) {
    ComposeCli cli = compose();
    List<String> args = new ArrayList<>(List.of("logs"));
    if (request.follow()) {
      args.add("-f");
    }
    args.add("--tail");
    args.add(Integer.toString(request.tailLines()));
    args.add(SERVICE);
    List<String> argv = cli.argv(project, composeFile(), args);
    if (!request.follow()) {
      ExecResult result =
          runner.run(argv, environment, workingDirectory(), LOGS_TIMEOUT, ShellQuote.join(argv));
      failUnless(result, "read the logs");
      result.stdout().lines().forEach(request.sink());
      return;
    }
    stream(argv, request);
  }

  /**
   * {@code … exec agent tmux attach -t =SESSION} (an exact match) with this process's terminal.
   * Raw: nothing is redacted.
   *
   * @param session the session, or empty for {@code agent}
   * @return the client's exit status
   */
  @Override
  public int attach(Optional<String> session) {
    String target = session.filter(s -> !s.isBlank()).orElse(BootSessionCommand.SESSION);
    SessionNames.requireSafe(target);
    ComposeCli cli = compose();
    List<String> argv =
        cli.argv(
            project, composeFile(), List.of("exec", SERVICE, "tmux", "attach", "-t", "=" + target));
    ProcessBuilder builder =
        new ProcessBuilder(argv).inheritIO().directory(workingDirectory().toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        process.destroy();
        Thread.currentThread().interrupt();
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED, "Interrupted while attached", Map.of(), e);
      }
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "Could not start " + argv.get(0) + ": " + e.getMessage(),
          Map.of(),
          e);
    }
  }

  /** Nothing to release: the containers outlive the session. */
  @Override
  public void close() {}

  private synchronized ComposeCli compose() {
    if (compose == null) {
      compose = ComposeCli.detect(environment.get("PATH"), transport());
    }
    return compose;
  }

  private synchronized ContainerShell shell() {
    if (shell == null) {
      List<String> prefix = compose().argv(project, composeFile(), List.of("exec", "-T", SERVICE));
      shell =
          new ContainerShell(
              transport(),
              prefix,
              "compose service '" + SERVICE + "' of project '" + project + "'");
    }
    return shell;
  }

  private CommandTransport transport() {
    return (argv, stdin, timeout) ->
        new LocalTransport(runner, environment, workingDirectory()).run(argv, stdin, timeout);
  }

  /** The deploy directory once it exists, else the home directory (Compose reads -f's dir). */
  private Path workingDirectory() {
    if (Files.isDirectory(deployDir)) {
      return deployDir;
    }
    return Files.isDirectory(home) ? home : Path.of("/");
  }

  private String composeFile() {
    return deployDir.resolve("docker-compose.yaml").toString();
  }

  private String workdir() {
    return config.local().orElseGet(() -> LocalConfig.builder().build()).workdir();
  }

  private List<DeployStep> render(DeployRequest request) {
    RenderedDeployDir rendered =
        DeployDirectory.render(config, DeployDirectory.Target.LOCAL, deployDir);
    for (DeployStep step : rendered.steps()) {
      request.progress().accept(step.name() + ": " + step.status());
    }
    return rendered.steps();
  }

  private CommandStep steps(DeployRequest request, Map<String, String> secrets) {
    Redactor redactor = Redactor.create(config.secrets(), secrets::get);
    return new CommandStep(transport(), redactor::redact, request.progress());
  }

  private void compose(List<String> args, Duration timeout, String what) {
    List<String> argv = compose().argv(project, composeFile(), args);
    failUnless(
        runner.run(argv, environment, workingDirectory(), timeout, ShellQuote.join(argv)), what);
  }

  private void failUnless(ExecResult result, String what) {
    if (result.succeeded()) {
      return;
    }
    Redactor redactor = Redactor.create(config.secrets(), name -> null);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("exit_code", result.exitCode());
    context.put("compose_project", project);
    String stderr = result.stderr().strip();
    throw new CloudException(
        ErrorCode.PROVIDER_FAILED,
        "Could not "
            + what
            + " of compose project '"
            + project
            + "' (exit "
            + result.exitCode()
            + ")"
            + (stderr.isEmpty()
                ? ""
                : ": " + redactor.redact(stderr.lines().reduce((a, b) -> b).orElse(""))),
        context);
  }

  private void stream(List<String> argv, LogRequest request) {
    ProcessBuilder builder =
        new ProcessBuilder(argv).redirectErrorStream(true).directory(workingDirectory().toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "Could not start " + argv.get(0) + ": " + e.getMessage(),
          Map.of(),
          e);
    }
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !Thread.currentThread().isInterrupted()) {
        request.sink().accept(line);
      }
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Lost the log stream of compose project '" + project + "': " + e.getMessage(),
          Map.of(),
          e);
    } finally {
      process.destroy();
    }
  }

  private DeployReport report(
      String event, List<DeployStep> steps, List<String> vars, String imageRebuild) {
    List<DeployStep> failed =
        steps.stream().filter(s -> s.status().equals("failed")).collect(Collectors.toList());
    Map<String, Object> logs = new LinkedHashMap<>();
    logs.put("command", "megaplan-cloud logs");
    logs.put("compose", compose().display(project, composeFile(), List.of("logs", "-f", SERVICE)));
    String what = event.equals("cloud_build") ? "image built" : "runner up";
    return DeployReport.builder()
        .success(failed.isEmpty())
        .event(event)
        .provider(NAME)
        .service(project)
        .deployDir(deployDir.toString())
        .steps(steps)
        .imageRebuild(imageRebuild)
        .imageRef(config.image().ref().orElse(project + "-" + SERVICE))
        .noOp(false)
        .varsUpdated(vars)
        .logs(logs)
        .verdict(
            failed.isEmpty()
                ? "local " + what + ": compose project '" + project + "' in " + deployDir
                : "local "
                    + event.substring("cloud_".length())
                    + " failed at '"
                    + failed.get(0).name()
                    + "'"
                    + failed.get(0).detail().map(d -> ": " + d).orElse(""))
        .build();
  }
}
