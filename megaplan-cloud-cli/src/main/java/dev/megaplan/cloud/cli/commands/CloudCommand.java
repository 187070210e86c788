package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.cli.CliEnvironment;
import dev.megaplan.cloud.cli.CommonOptions;
import dev.megaplan.cloud.cli.MegaplanCloud;
import dev.megaplan.cloud.cli.RepoOverrideOptions;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.LoadedConfig;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.timing.PhaseLog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the common options, the writers and the environment. */
abstract class CloudCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  /** Standard output: machine JSON. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Standard error: human lines. */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** The environment the command runs in. */
  CliEnvironment environment() {
    return ((MegaplanCloud) spec.root().userObject()).environment();
  }

  /** The cloud.yaml path, absolute: {@code --cloud-yaml}, else the project root's. */
  Path cloudYamlPath() {
    return cloudYamlPath(environment(), common.cloudYaml());
  }

  static Path cloudYamlPath(CliEnvironment environment, Optional<Path> given) {
    return given
        .map(environment::resolve)
        .orElseGet(
            () -> DefaultCloudYaml.locate(environment.workingDirectory(), environment.home()));
  }

  /** Loads cloud.yaml with the environment's home (for {@code ~} expansion). */
  CloudConfig loadConfig() {
    return inspectConfig().config();
  }

  /** Loads cloud.yaml with the environment's home, keeping the warnings. */
  LoadedConfig inspectConfig() {
    Path file = cloudYamlPath();
    if (!Files.exists(file)) {
      throw DefaultCloudYaml.notFound(file);
    }
    PhaseLog.mark("config.load");
    LoadedConfig loaded = CloudYaml.loader().homeDirectory(environment().home()).inspect(file);
    PhaseLog.mark("config.loaded");
    return loaded;
  }

  /** Loads cloud.yaml, applies the repo overrides and opens a session on the environment. */
  CloudSession openSession(RepoOverrideOptions overrides) {
    CloudConfig config = loadConfig();
    if (overrides != null) {
      config =
          CloudYaml.withRepoOverrides(
              config, overrides.url(), overrides.branch(), overrides.workspace());
    }
    CloudSession session =
        CloudSession.builder(config)
            .environment(environment().env())
            .home(environment().home())
            .cloudYaml(cloudYamlPath())
            .open();
    PhaseLog.mark("session.opened");
    return session;
  }

  /** Prints a human line on stderr. */
  void say(String line) {
    err().println(line);
    err().flush();
  }

  /**
   * A progress line of a long operation: on stderr when a terminal is attached, else dropped (the
   * report that follows lists every step anyway, 08 "Behaviour people expect").
   */
  void progress(String line) {
    if (environment().interactive()) {
      say(line);
    }
  }

  /**
   * Prints a build or deploy report: a line per step and the verdict on stderr, the JSON on stdout.
   *
   * @return the exit status: 0 when the report says success
   */
  int printDeployReport(DeployReport report) {
    for (DeployStep step : report.steps()) {
      say("  " + step.status() + "  " + step.name() + step.detail().map(d -> ": " + d).orElse(""));
    }
    say(report.verdict());
    printJson(report);
    return report.success() ? 0 : 1;
  }

  /** Prints a value as pretty JSON on stdout. */
  void printJson(Object value) {
    PhaseLog.mark("render.start");
    String json = Json.pretty(value);
    if (PhaseLog.enabled()) {
      PhaseLog.mark("render.rendered", json.length() + " chars");
    }
    out().println(json);
    out().flush();
    PhaseLog.mark("render.written");
  }
}
