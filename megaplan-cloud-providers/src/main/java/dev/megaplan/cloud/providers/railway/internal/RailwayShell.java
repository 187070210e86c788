package dev.megaplan.cloud.providers.railway.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import dev.megaplan.cloud.providers.internal.container.RemoteFiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Railway service's remote shell over a {@link RelayExec} (the relay WebSocket or the {@code
 * railway} CLI), which gives one merged output stream and may put a pseudo-terminal in between.
 * This class makes that a faithful {@link RemoteShell}:
 *
 * <ul>
 *   <li><b>exec</b> runs {@code bash -lc CMD} with stdin from {@code /dev/null} and stdout and
 *       stderr into temp files on the box, then prints both base64-encoded between markers that
 *       carry a fresh nonce, so the streams come back separate and byte-exact (CR/LF translation or
 *       echo of a terminal cannot touch base64 text), and the exit code with them. A remote {@code
 *       timeout} stops the command shortly after the local deadline.
 *   <li><b>upload</b> sends all files of the call through the program's stdin, base64 in 76-column
 *       lines split into {@code session_data} chunks, each file after a separator line and the
 *       whole after a terminator line (the relay has no end-of-file message); {@code awk} splits
 *       the sections, each is decoded to a temp file beside its destination, its size checked,
 *       given its mode and renamed over it. Content never appears on a command line.
 *   <li><b>read</b> is {@code cat} through exec, with a missing file told apart from other
 *       failures.
 * </ul>
 */
public final class RailwayShell implements RemoteShell {
  private static final String WHERE = "Railway service";

  private static final int LINE = 76;
  private static final Duration UPLOAD_TIMEOUT_FLOOR = Duration.ofMinutes(2);
  private static final Duration REMOTE_GRACE = Duration.ofSeconds(2);

  private final RelayExec transport;

  /**
   * Wraps a transport.
   *
   * @param transport what runs programs on the service
   */
  public RailwayShell(RelayExec transport) {
    this.transport = transport;
  }

  @Override
  public ExecResult exec(String command, Duration timeout) {
    return framed(command, "", false, timeout);
  }

  @Override
  public void upload(List<Upload> uploads) {
    if (uploads.isEmpty()) {
      return;
    }
    if (!transport.feedsStdin()) {
      throw new CloudException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "Uploading to Railway needs the SSH relay (file content never travels on a command line,"
              + " and "
              + transport.describe()
              + " cannot feed stdin): export RAILWAY_API_TOKEN or RAILWAY_TOKEN");
    }
    String nonce = nonce();
    String separator = "megaplan-file-" + nonce;
    String terminator = "megaplan-eof-" + nonce;
    StringBuilder script = new StringBuilder("set -u\n");
    script.append("s=$(mktemp -d) || exit 1\ntrap 'rm -rf -- \"$s\"' EXIT\n");
    StringBuilder stdin = new StringBuilder();
    long total = 0;
    int index = 0;
    for (Upload upload : uploads) {
      index++;
      String destination = RemoteFiles.absolute(upload.remotePath());
      script.append(fileScript(index, destination, upload.content().length, upload.mode()));
      stdin.append(separator).append('\n');
      String encoded = Base64.getEncoder().encodeToString(upload.content());
      for (int at = 0; at < encoded.length(); at += LINE) {
        stdin.append(encoded, at, Math.min(encoded.length(), at + LINE)).append('\n');
      }
      total += upload.content().length;
    }
    stdin.append(terminator).append('\n');
    long lines = stdin.chars().filter(c -> c == '\n').count();
    // head(1) takes exactly the lines sent and returns as soon as they arrived (awk implementations
    // such as mawk wait for a full input buffer, which never comes: the relay cannot close stdin);
    // awk then splits the saved sections.
    String split =
        "head -n "
            + lines
            + " >\"$s/all\" || exit 1\n"
            + "awk -v d=\"$s\" -v f="
            + ShellQuote.quote(separator)
            + " -v t="
            + ShellQuote.quote(terminator)
            + " '{ sub(/\\r$/, \"\") } $0 == t { exit } $0 == f { if (n) close(d \"/\" n); n++;"
            + " printf \"\" > (d \"/\" n); next } n { print > (d \"/\" n) }' \"$s/all\" || exit 1\n";
    script.insert(script.indexOf("\n", script.indexOf("trap")) + 1, split);
    script.append("printf 'uploaded\\n'\n");
    Duration timeout = UPLOAD_TIMEOUT_FLOOR.plusSeconds(total / 500_000);
    ExecResult result = framed(script.toString(), stdin.toString(), true, timeout);
    if (!result.succeeded() || !result.stdout().endsWith("uploaded\n")) {
      throw RemoteFiles.uploadFailed(result, WHERE);
    }
  }

  @Override
  public Optional<String> read(String remotePath) {
    return RemoteFiles.readAnswer(exec(RemoteFiles.readScript(remotePath)), remotePath, WHERE);
  }

  /**
   * The wrapper script that runs {@code command} and frames its streams.
   *
   * @param command the shell text
   * @param nonce the markers' nonce
   * @param withStdin whether the command reads the program's stdin (uploads) or {@code /dev/null}
   * @param timeout the local deadline, which the remote {@code timeout} trails
   * @return the script for {@code bash -c}
   */
  static String wrapper(String command, String nonce, boolean withStdin, Duration timeout) {
    long remoteSeconds = timeout.plus(REMOTE_GRACE).toSeconds() + 1;
    // timeout(1) runs its command in a process group of its own, which a terminal would stop
    // (SIGTTIN) the moment it reads stdin: a command that reads stdin runs without it, bounded
    // by its input ending and by the local deadline.
    return (withStdin ? "stty -echo 2>/dev/null\nt=\n" : "")
        + "o=$(mktemp) && e=$(mktemp) || exit 125\n"
        + (withStdin
            ? ""
            : "if command -v timeout >/dev/null 2>&1; then t=\"timeout -k 5 "
                + remoteSeconds
                + "\"; else t=; fi\n")
        + "$t bash -lc "
        + ShellQuote.quote(command)
        + (withStdin ? "" : " </dev/null")
        + " >\"$o\" 2>\"$e\"\nrc=$?\n"
        + "printf '\\n%s\\n' "
        + ShellQuote.quote(nonce + ":out")
        + "; base64 -w0 <\"$o\"; printf '\\n%s\\n' "
        + ShellQuote.quote(nonce + ":err")
        + "; base64 -w0 <\"$e\"; printf '\\n%s:%s\\n' "
        + ShellQuote.quote(nonce + ":rc")
        + " \"$rc\"\nrm -f -- \"$o\" \"$e\"\nexit \"$rc\"\n";
  }

  private ExecResult framed(String command, String stdin, boolean withStdin, Duration timeout) {
    String nonce = nonce();
    RelayExec.Result result =
        transport.run(
            List.of("bash", "-c", wrapper(command, nonce, withStdin, timeout)), stdin, timeout);
    String text = new String(result.output(), StandardCharsets.ISO_8859_1).replace("\r", "");
    int out = text.lastIndexOf("\n" + nonce + ":out\n");
    int err = text.lastIndexOf("\n" + nonce + ":err\n");
    int rc = text.lastIndexOf("\n" + nonce + ":rc:");
    if (out < 0 || err < out || rc < err) {
      String preview = text.strip();
      preview = preview.length() > 200 ? preview.substring(0, 200) + "…" : preview;
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "The Railway service answered without the framed output (exit status "
              + result.exitCode()
              + ", through "
              + transport.describe()
              + "): "
              + (preview.isEmpty() ? "no output" : preview),
          Map.of("exit_code", result.exitCode()));
    }
    String stdout = decode(text.substring(out + nonce.length() + 6, err));
    String stderr = decode(text.substring(err + nonce.length() + 6, rc));
    return ExecResult.of(result.exitCode(), stdout, stderr);
  }

  private static String decode(String base64) {
    String compact = base64.replaceAll("\\s", "");
    try {
      return new String(Base64.getDecoder().decode(compact), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "The Railway service's framed output is not valid base64 (" + e.getMessage() + ")");
    }
  }

  private static String fileScript(int index, String destination, int length, int mode) {
    String dest = ShellQuote.quote(destination);
    return "d=$(dirname -- "
        + dest
        + ") && mkdir -p -- \"$d\" || exit 1\n"
        + "t=\"$d/.megaplan-upload.$$.$RANDOM\"\n"
        + "if ! base64 -d <\"$s/"
        + index
        + "\" >\"$t\" || [ \"$(stat -c %s -- \"$t\")\" != "
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

  private static String nonce() {
    return "MPC" + UUID.randomUUID().toString().replace("-", "");
  }
}
