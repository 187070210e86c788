package dev.megaplan.cloud.examples;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.Capabilities;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Example: the smallest useful provider. Its "box" is a local directory; commands run with {@code
 * bash -c} inside it. Only the remote shell is implemented: every lifecycle operation answers
 * {@code not_implemented} through the SPI's defaults. (The project's own {@code host} provider is
 * the complete version of this idea.)
 */
final class SandboxProvider implements Provider {
  private final Path box;

  SandboxProvider(Path box) {
    this.box = box;
  }

  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.builder()
        .remoteShell(true)
        .namedSessions(false)
        .interactiveAttach(false)
        .persistentVolume(true)
        .sameMachine(true)
        .build();
  }

  @Override
  public Optional<RemoteShell> remoteShell() {
    return Optional.of(new Shell());
  }

  @Override
  public String remoteRoot() {
    return box.toString();
  }

  @Override
  public String identity() {
    return box.toString();
  }

  @Override
  public void close() {}

  private final class Shell implements RemoteShell {
    @Override
    public ExecResult exec(String command, Duration timeout) {
      try {
        Files.createDirectories(box);
        Path out = Files.createTempFile("sandbox", ".out");
        Path err = Files.createTempFile("sandbox", ".err");
        try {
          Process process =
              new ProcessBuilder("bash", "-c", command)
                  .directory(box.toFile())
                  .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                  .redirectOutput(out.toFile())
                  .redirectError(err.toFile())
                  .start();
          if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new CloudException(
                ErrorCode.PROVIDER_FAILED, "command timed out after " + timeout);
          }
          return ExecResult.of(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
        } finally {
          Files.deleteIfExists(out);
          Files.deleteIfExists(err);
        }
      } catch (IOException e) {
        throw new CloudException(ErrorCode.PROVIDER_FAILED, "sandbox exec failed: " + e, Map.of());
      } catch (InterruptedException e) {
        throw new CloudException(ErrorCode.PROVIDER_FAILED, "interrupted", Map.of(), e);
      }
    }

    @Override
    public void upload(List<Upload> uploads) {
      for (Upload upload : uploads) {
        Path target = Path.of(upload.remotePath());
        try {
          Files.createDirectories(target.getParent());
          Path temp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
          Files.write(temp, upload.content());
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new CloudException(
              ErrorCode.PROVIDER_FAILED, "upload to " + target + " failed: " + e.getMessage());
        }
      }
    }

    @Override
    public Optional<String> read(String remotePath) {
      try {
        return Optional.of(Files.readString(Path.of(remotePath), StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED, "read of " + remotePath + " failed: " + e.getMessage());
      }
    }
  }
}
