package dev.megaplan.cloud.testkit.emulator;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.Arrays;
import java.util.List;

/**
 * The megaplan emulator: a test double of megaplan's command line, file formats and lifecycle (spec
 * 09), with none of its planning. It answers the calls the SDK makes — {@code chain start}, {@code
 * status}, {@code verify-human}, {@code init} — and plays the scenario written in the chain spec's
 * {@code emulator:} block. JDK-only, so a call starts in well under 0.2 s.
 *
 * <p>Exit status: 0 on success, 1 when a milestone fails or the call cannot be carried out, 2 for
 * an unsupported call or an invalid chain spec or scenario (with {@code emulator: <reason>} on
 * stderr).
 */
public final class MegaplanEmulator {
  private MegaplanEmulator() {}

  /**
   * Runs one emulator call and exits with its status.
   *
   * @param args the megaplan command line, e.g. {@code chain start --spec /w/app/chain.yaml}
   */
  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int status = run(Arrays.asList(args), out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** Runs one call in the process's working directory; returns its exit status. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    try {
      return dispatch(args, WorkingDirectory.current(), out);
    } catch (EmulatorException failure) {
      return report(failure.getMessage(), failure.exitCode(), out, err);
    } catch (InvalidPathException unrepresentable) {
      return report(
          "a path cannot be represented in this locale's charset ("
              + System.getProperty("sun.jnu.encoding")
              + "); run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (bin/megaplan-emulator does): "
              + unrepresentable.getMessage(),
          EmulatorException.FAILURE,
          out,
          err);
    }
  }

  private static int report(String message, int exitCode, PrintStream out, PrintStream err) {
    out.flush();
    err.println("emulator: " + message);
    err.flush();
    return exitCode;
  }

  private static int dispatch(List<String> args, WorkingDirectory cwd, PrintStream out) {
    String command = args.isEmpty() ? "" : args.get(0);
    switch (command) {
      case "chain":
        if (args.size() > 1 && "start".equals(args.get(1))) {
          return ChainStartCommand.run(args, cwd, out);
        }
        throw Arguments.unsupported(args);
      case "status":
        return StatusCommand.run(args, cwd, out);
      case "verify-human":
        return VerifyHumanCommand.run(args, cwd, out);
      case "init":
        return InitCommand.run(args, cwd, out);
      default:
        throw Arguments.unsupported(args);
    }
  }
}
