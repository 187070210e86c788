package dev.megaplan.cloud.providers.host.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import dev.megaplan.cloud.core.internal.io.AtomicFileWriter;
import dev.megaplan.cloud.providers.internal.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host box's remote shell: {@code bash -c} child processes with an explicit environment,
 * running in the root; uploads and reads are plain local file operations, uploads atomic.
 */
public final class HostShell implements RemoteShell {
  private final ProcessRunner runner;
  private final String bash;
  private final Map<String, String> environment;
  private final Path root;
  private final AtomicFileWriter writer;

  /**
   * Creates the shell.
   *
   * @param runner runs child processes
   * @param bash the bash executable
   * @param environment the complete environment of every command
   * @param root the root; commands run in it (created when missing)
   * @param writer writes uploaded files
   */
  public HostShell(
      ProcessRunner runner,
      String bash,
      Map<String, String> environment,
      Path root,
      AtomicFileWriter writer) {
    this.runner = runner;
    this.bash = bash;
    this.environment = Map.copyOf(environment);
    this.root = root;
    this.writer = writer;
  }

  @Override
  public ExecResult exec(String command, Duration timeout) {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not create the host root " + root + ": " + e.getMessage(),
          Map.of("root", root.toString()),
          e);
    }
    return runner.run(List.of(bash, "-c", command), environment, root, timeout, command);
  }

  @Override
  public void upload(List<Upload> uploads) {
    List<String> done = new ArrayList<>();
    for (Upload upload : uploads) {
      Path destination = absolute(upload.remotePath());
      try {
        writer.write(destination, upload.content(), upload.mode());
      } catch (IOException | RuntimeException e) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("remote_path", upload.remotePath());
        context.put("uploaded", List.copyOf(done));
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED,
            "Could not upload "
                + upload.remotePath()
                + " ("
                + describe(e)
                + "); the previous file, if any, is unchanged"
                + (done.isEmpty() ? "" : "; uploaded before the failure: " + done),
            context,
            e);
      }
      done.add(upload.remotePath());
    }
  }

  @Override
  public Optional<String> read(String remotePath) {
    Path path = absolute(remotePath);
    try {
      return Optional.of(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not read " + remotePath + ": " + describe(e),
          Map.of("remote_path", remotePath),
          e);
    }
  }

  private static Path absolute(String remotePath) {
    if (!remotePath.startsWith("/")) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          "A path on the box must be absolute: '" + remotePath + "'",
          Map.of("remote_path", remotePath));
    }
    return Path.of(remotePath);
  }

  private static String describe(Exception e) {
    String reason = e.getMessage();
    String type = e.getClass().getSimpleName();
    if (e instanceof java.nio.file.FileSystemException) {
      java.nio.file.FileSystemException fs = (java.nio.file.FileSystemException) e;
      reason = fs.getReason() != null ? fs.getReason() : type;
      if (e instanceof java.nio.file.FileAlreadyExistsException) {
        reason = fs.getFile() + " exists and is not a directory";
      } else if (e instanceof java.nio.file.AccessDeniedException) {
        reason = "permission denied";
      }
    }
    return reason == null ? type : reason;
  }
}
