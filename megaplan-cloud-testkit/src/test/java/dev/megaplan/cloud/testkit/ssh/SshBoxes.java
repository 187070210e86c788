package dev.megaplan.cloud.testkit.ssh;

import dev.megaplan.cloud.providers.ssh.SshProvider;
import dev.megaplan.cloud.providers.ssh.SshSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds ssh providers against a test's {@link SshServer}. */
final class SshBoxes {
  private SshBoxes() {}

  /** The settings of a provider that logs in with the server's client key. */
  static SshSettings.Builder settings(SshServer server, Path home, String workspace) {
    return SshSettings.builder()
        .host(server.host())
        .port(server.port())
        .user(server.user())
        .identityFile(server.clientKey())
        .knownHosts(server.knownHosts())
        .home(home)
        .environment(Map.of("USER", server.user())::get)
        .container("megaplan-test-agent")
        .remoteDir(home.resolve("remote").toString())
        .workspaceRoot(workspace)
        .connectTimeout(Duration.ofSeconds(5))
        .keepAlive(Duration.ofSeconds(2));
  }

  /** A provider that renders nothing (the deploy dir is prepared by the test). */
  static SshProvider provider(SshSettings settings) {
    return new SshProvider(settings, dir -> List.of());
  }

  /** The environment lookup of a map. */
  static Function<String, String> env(Map<String, String> values) {
    return values::get;
  }

  /** Creates a directory. */
  static Path mkdirs(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an executable script. */
  static Path script(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
