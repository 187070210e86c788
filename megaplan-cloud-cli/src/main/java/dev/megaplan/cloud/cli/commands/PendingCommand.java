package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;

/**
 * A subcommand whose flags are final but whose machinery lands in a later release: it answers
 * {@code not_implemented} (exit 2) rather than pretending to work.
 */
abstract class PendingCommand extends CloudCommand {
  /** What the command will do, for the error message. */
  abstract String purpose();

  @Override
  public Integer call() {
    throw new CloudException(
        ErrorCode.NOT_IMPLEMENTED,
        "`megaplan-cloud "
            + spec.name()
            + "` ("
            + purpose()
            + ") is not implemented yet in this version.");
  }
}
