package dev.megaplan.cloud.testkit.emulator;

/**
 * A failure the emulator reports on stderr as {@code emulator: <message>} before exiting with
 * {@link #exitCode()}: 2 for a call or a scenario it does not accept, 1 for anything else.
 */
final class EmulatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit status for an unsupported call, a bad flag or an invalid chain spec or scenario. */
  static final int USAGE = 2;

  /** Exit status for a runtime failure (a missing file, an unreadable state). */
  static final int FAILURE = 1;

  private final int exitCode;

  private EmulatorException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A call or scenario the emulator refuses: exit status 2. */
  static EmulatorException usage(String message) {
    return new EmulatorException(USAGE, message, null);
  }

  /** A failure while doing what was asked: exit status 1. */
  static EmulatorException failure(String message, Throwable cause) {
    return new EmulatorException(FAILURE, message, cause);
  }

  /** The process exit status this failure maps to. */
  int exitCode() {
    return exitCode;
  }
}
