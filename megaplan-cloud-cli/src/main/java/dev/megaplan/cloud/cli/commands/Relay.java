package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.provider.ExecResult;

/** Relays a remote command's (already redacted) output and answers its exit status. */
final class Relay {
  private Relay() {}

  static int print(CloudCommand command, ExecResult result) {
    command.out().print(result.stdout());
    command.out().flush();
    command.err().print(result.stderr());
    command.err().flush();
    return result.exitCode();
  }
}
