package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.CliEnvironment;
import dev.megaplan.cloud.cli.CommonOptions;
import dev.megaplan.cloud.cli.MegaplanCloud;
import dev.megaplan.cloud.core.internal.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
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

  /** The cloud.yaml path, absolute. */
  Path cloudYamlPath() {
    return environment().resolve(common.cloudYaml());
  }

  /** Prints a value as pretty JSON on stdout. */
  void printJson(Object value) {
    out().println(Json.pretty(value));
    out().flush();
  }
}
