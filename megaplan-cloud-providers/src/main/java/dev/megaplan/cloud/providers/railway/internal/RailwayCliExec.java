package dev.megaplan.cloud.providers.railway.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.RailwayConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import dev.megaplan.cloud.providers.internal.ProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fallback transport: the {@code railway} CLI's {@code railway ssh [--project P --environment E
 * --service S] -- CMD}, for a machine where the CLI is logged in but no token is exported. The CLI
 * joins its trailing words with spaces and runs them with {@code sh -c} on the service (its {@code
 * get_terminal_command}), so the whole vector travels as one quoted word. The CLI does not forward
 * local stdin in command mode, so this transport cannot upload; the relay can. Without {@code
 * railway.project} the CLI's linked project ({@code railway link}) is used.
 */
public final class RailwayCliExec implements RelayExec {
  private final String railway;
  private final RailwayConfig config;
  private final ProcessRunner runner;
  private final Map<String, String> environment;
  private final Path workingDirectory;

  /**
   * Creates the transport.
   *
   * @param railway the absolute path of the {@code railway} executable
   * @param config the railway block
   * @param runner runs the CLI
   * @param environment the CLI's environment
   * @param workingDirectory where the CLI runs (its linked project comes from there)
   */
  public RailwayCliExec(
      String railway,
      RailwayConfig config,
      ProcessRunner runner,
      Map<String, String> environment,
      Path workingDirectory) {
    this.railway = railway;
    this.config = config;
    this.runner = runner;
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory;
  }

  /**
   * The CLI's argument vector for a remote program.
   *
   * @param argv the remote program and its arguments
   * @return the local vector
   */
  public List<String> argv(List<String> argv) {
    List<String> out = new ArrayList<>(List.of(railway, "ssh"));
    if (config.project().isPresent()) {
      out.addAll(List.of("--project", config.project().get()));
      out.addAll(List.of("--environment", config.environment().orElse("production")));
      out.addAll(List.of("--service", config.service()));
    }
    out.add("--");
    out.add(ShellQuote.join(argv));
    return out;
  }

  @Override
  public Result run(List<String> argv, String stdin, Duration timeout) {
    if (!stdin.isEmpty()) {
      throw new CloudException(
          ErrorCode.PROVIDER_UNAVAILABLE, "The railway CLI cannot feed stdin to a remote command");
    }
    List<String> local = argv(argv);
    ExecResult result =
        runner.run(
            local, environment, workingDirectory, timeout, "railway ssh -- " + argv.get(0) + " …");
    byte[] out = result.stdout().getBytes(StandardCharsets.UTF_8);
    byte[] err = ("\n" + result.stderr()).getBytes(StandardCharsets.UTF_8);
    byte[] merged = new byte[out.length + err.length];
    System.arraycopy(out, 0, merged, 0, out.length);
    System.arraycopy(err, 0, merged, out.length, err.length);
    return new Result(result.exitCode(), merged);
  }

  @Override
  public boolean feedsStdin() {
    return false;
  }

  @Override
  public String describe() {
    return "the railway CLI (railway ssh)";
  }
}
