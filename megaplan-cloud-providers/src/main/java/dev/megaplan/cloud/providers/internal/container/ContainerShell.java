package dev.megaplan.cloud.providers.internal.container;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Run inside container X" over any {@link CommandTransport}: every command becomes {@code <exec
 * prefix> bash -lc <command>}, for example {@code docker exec -i megaplan-cloud-agent bash -lc …}
 * over SSH or {@code docker compose -p P -f F exec -T agent bash -lc …} on this machine.
 *
 * <p>Uploads travel on stdin, never on a command line: all files of one call go in a single
 * command, each written to a temp file beside its destination, given its mode and renamed over it,
 * so a failure leaves the previous file intact. Reads are {@code cat}, with a missing file told
 * apart from other failures.
 */
public final class ContainerShell implements RemoteShell {
  private static final Duration UPLOAD_TIMEOUT_FLOOR = Duration.ofMinutes(2);

  private final CommandTransport transport;
  private final List<String> execPrefix;
  private final String where;

  /**
   * Wraps a transport.
   *
   * @param transport what runs the argument vectors
   * @param execPrefix the words that run a program inside the container and pass stdin through, for
   *     example {@code [docker, exec, -i, NAME]}
   * @param where how error messages name the container, for example {@code container
   *     'megaplan-cloud-agent' on example.com}
   */
  public ContainerShell(CommandTransport transport, List<String> execPrefix, String where) {
    this.transport = transport;
    this.execPrefix = List.copyOf(execPrefix);
    this.where = where;
  }

  /**
   * The argument vector that runs shell text in the container with a login bash.
   *
   * @param command the shell text
   * @return the vector
   */
  public List<String> argv(String command) {
    List<String> argv = new ArrayList<>(execPrefix);
    argv.add("bash");
    argv.add("-lc");
    argv.add(command);
    return argv;
  }

  @Override
  public ExecResult exec(String command, Duration timeout) {
    return transport.run(argv(command), new byte[0], timeout);
  }

  @Override
  public void upload(List<Upload> uploads) {
    if (uploads.isEmpty()) {
      return;
    }
    StringBuilder script = new StringBuilder("set -u\n");
    ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    long total = 0;
    for (Upload upload : uploads) {
      String destination = RemoteFiles.absolute(upload.remotePath());
      script.append(UploadScript.file(destination, upload.content().length, upload.mode()));
      stdin.writeBytes(upload.content());
      total += upload.content().length;
    }
    script.append("printf 'uploaded\\n'\n");
    // A slow link moves about 1 MB/s at worst; never less than the floor.
    Duration timeout = UPLOAD_TIMEOUT_FLOOR.plusSeconds(total / 1_000_000);
    ExecResult result = transport.run(argv(script.toString()), stdin.toByteArray(), timeout);
    if (!result.succeeded() || !result.stdout().endsWith("uploaded\n")) {
      throw RemoteFiles.uploadFailed(result, where);
    }
  }

  @Override
  public Optional<String> read(String remotePath) {
    ExecResult result =
        transport.runIdempotent(argv(RemoteFiles.readScript(remotePath)), DEFAULT_TIMEOUT);
    return RemoteFiles.readAnswer(result, remotePath, where);
  }

  /** The shell text that writes one file of a batch from stdin; a test reads it too. */
  static final class UploadScript {
    private UploadScript() {}

    /**
     * Reads exactly {@code length} bytes of stdin into a temp file beside {@code destination}, sets
     * its mode and renames it over the destination. {@code dd} with {@code count_bytes} never reads
     * past the file's last byte, so the next file of the batch starts where this one ends.
     */
    static String file(String destination, int length, int mode) {
      String dest = ShellQuote.quote(destination);
      return "d=$(dirname -- "
          + dest
          + ") && mkdir -p -- \"$d\" || exit 1\n"
          + "t=\"$d/.megaplan-upload.$$.$RANDOM\"\n"
          + "if ! dd of=\"$t\" bs=65536 count="
          + length
          + " iflag=count_bytes,fullblock status=none"
          + " || [ \"$(stat -c %s -- \"$t\")\" != "
          + length
          + " ] || ! chmod "
          + String.format("%04o", mode)
          + " -- \"$t\" || ! mv -fT -- \"$t\" "
          + dest
          + "; then rm -f -- \"$t\"; echo "
          + ShellQuote.quote("could not write " + destination)
          + " >&2; exit 1; fi\n"
          + RemoteFiles.uploadedLine(destination);
    }
  }
}
