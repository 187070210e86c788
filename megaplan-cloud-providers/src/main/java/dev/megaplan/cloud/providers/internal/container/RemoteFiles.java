package dev.megaplan.cloud.providers.internal.container;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files moved through a shell that can only run commands (a container's {@code docker exec}, the
 * Railway relay): the one read script and how its answer is read, the line an upload script prints
 * per file written, and the errors both raise. Only the way bytes travel differs between shells.
 */
public final class RemoteFiles {
  /** The exit status of {@link #readScript} for "no such file". */
  public static final int MISSING_FILE = 44;

  private static final String UPLOADED = "uploaded: ";

  private RemoteFiles() {}

  /**
   * Checks that a path on the box is absolute.
   *
   * @param remotePath the path
   * @return the path
   * @throws CloudException {@code invalid_args} for a relative path
   */
  public static String absolute(String remotePath) {
    if (!remotePath.startsWith("/")) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          "A path on the box must be absolute: '" + remotePath + "'",
          Map.of("remote_path", remotePath));
    }
    return remotePath;
  }

  /**
   * Shell text that prints a file, fails on a directory, and exits {@link #MISSING_FILE} with no
   * output when nothing is at the path.
   *
   * @param remotePath an absolute path
   * @return the script
   */
  public static String readScript(String remotePath) {
    String path = ShellQuote.quote(absolute(remotePath));
    return "if [ -d "
        + path
        + " ]; then echo 'is a directory' >&2; exit 1; fi; "
        + "if [ ! -e "
        + path
        + " ] && [ ! -L "
        + path
        + " ]; then exit "
        + MISSING_FILE
        + "; fi; exec cat -- "
        + path;
  }

  /**
   * What {@link #readScript} answered.
   *
   * @param result the script's result
   * @param remotePath the path read
   * @param where how the message names the box, for example {@code container 'x' on host}
   * @return the content, or empty for a missing file
   * @throws CloudException {@code provider_failed} for any other failure
   */
  public static Optional<String> readAnswer(ExecResult result, String remotePath, String where) {
    if (result.exitCode() == MISSING_FILE && result.stdout().isEmpty()) {
      return Optional.empty();
    }
    if (!result.succeeded()) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not read "
              + remotePath
              + " in the "
              + where
              + ": "
              + firstLine(result.stderr(), "exit status " + result.exitCode()),
          Map.of("remote_path", remotePath, "exit_code", result.exitCode()));
    }
    return Optional.of(result.stdout());
  }

  /**
   * The line an upload script prints after it renamed a file into place.
   *
   * @param destination the file's absolute path
   * @return shell text printing the line
   */
  public static String uploadedLine(String destination) {
    return "printf '%s\\n' " + ShellQuote.quote(UPLOADED + destination) + "\n";
  }

  /**
   * The error of an upload script that did not finish: what it said, and which files it had put in
   * place before it stopped.
   *
   * @param result the script's result
   * @param where how the message names the box
   * @return a {@code provider_failed} exception
   */
  public static CloudException uploadFailed(ExecResult result, String where) {
    List<String> done = new ArrayList<>();
    for (String line : result.stdout().split("\n", -1)) {
      if (line.startsWith(UPLOADED)) {
        done.add(line.substring(UPLOADED.length()));
      }
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("exit_code", result.exitCode());
    context.put("uploaded", done);
    return new CloudException(
        ErrorCode.PROVIDER_FAILED,
        "Could not upload to the "
            + where
            + ": "
            + firstLine(result.stderr(), "exit status " + result.exitCode())
            + "; the previous file, if any, is unchanged"
            + (done.isEmpty() ? "" : "; uploaded before the failure: " + done),
        context);
  }

  private static String firstLine(String text, String fallback) {
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return fallback;
    }
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }
}
