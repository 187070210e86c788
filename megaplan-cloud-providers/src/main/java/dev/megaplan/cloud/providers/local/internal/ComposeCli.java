package dev.megaplan.cloud.providers.local.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.providers.internal.Executables;
import dev.megaplan.cloud.providers.internal.container.CommandTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Docker Compose this machine has: {@code docker compose} (the plugin) when {@code docker
 * compose version} answers, else the {@code docker-compose} binary (07 "local"). Detected once, at
 * the provider's first use; both programs are looked up on the local {@code PATH} and named by
 * absolute path, so the child never depends on this JVM's own {@code PATH}.
 *
 * @param program the leading words: {@code [/…/docker, compose]} or {@code [/…/docker-compose]}
 */
public record ComposeCli(List<String> program) {
  /** The hint of a missing {@code docker} (07). */
  public static final String MISSING_DOCKER =
      "Missing required CLI 'docker'. Install: https://docs.docker.com/get-docker/";

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

  /** Copies the words. */
  public ComposeCli {
    program = List.copyOf(program);
  }

  /**
   * Detects the Compose command.
   *
   * @param path the local {@code PATH}
   * @param transport runs the probe
   * @return the command
   * @throws CloudException {@code provider_unavailable} when {@code docker} is missing, or when
   *     neither the plugin nor {@code docker-compose} is there
   */
  public static ComposeCli detect(String path, CommandTransport transport) {
    String docker =
        Executables.onPath("docker", path)
            .orElseThrow(
                () ->
                    new CloudException(
                        ErrorCode.PROVIDER_UNAVAILABLE,
                        MISSING_DOCKER,
                        Map.of("missing_commands", List.of("docker"))));
    ExecResult probe =
        transport.run(List.of(docker, "compose", "version"), new byte[0], PROBE_TIMEOUT);
    if (probe.succeeded()) {
      return new ComposeCli(List.of(docker, "compose"));
    }
    return Executables.onPath("docker-compose", path)
        .map(binary -> new ComposeCli(List.of(binary)))
        .orElseThrow(
            () -> {
              Map<String, Object> context = new LinkedHashMap<>();
              context.put("missing_commands", List.of("docker compose"));
              context.put("probe_exit_code", probe.exitCode());
              return new CloudException(
                  ErrorCode.PROVIDER_UNAVAILABLE,
                  "Missing Docker Compose: `docker compose version` answered '"
                      + firstLine(probe.stderr())
                      + "' and no docker-compose is on the PATH. Install:"
                      + " https://docs.docker.com/compose/install/",
                  context);
            });
  }

  /**
   * {@code <compose> -p PROJECT -f FILE ARGS…}.
   *
   * @param project the compose project
   * @param composeFile the compose file, absolute
   * @param args the subcommand and its arguments
   * @return the argument vector
   */
  public List<String> argv(String project, String composeFile, List<String> args) {
    List<String> argv = new ArrayList<>(program);
    argv.add("-p");
    argv.add(project);
    argv.add("-f");
    argv.add(composeFile);
    argv.addAll(args);
    return argv;
  }

  /**
   * The same command as a person would type it: {@code docker compose …} with the program's bare
   * name, quoted for a shell.
   *
   * @param project the compose project
   * @param composeFile the compose file
   * @param args the subcommand and its arguments
   * @return shell text
   */
  public String display(String project, String composeFile, List<String> args) {
    List<String> words = argv(project, composeFile, args);
    words.set(0, java.nio.file.Path.of(words.get(0)).getFileName().toString());
    return dev.megaplan.cloud.core.internal.shell.ShellQuote.join(words);
  }

  private static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }
}
