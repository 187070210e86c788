package dev.megaplan.cloud.testkit;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.HostConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.core.ProviderRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A real {@code host} provider on a throwaway root, framework-free: {@link #open()} makes a temp
 * directory that serves as the home, so the root is {@code <temp>/.megaplan/cloud/host/box}; {@link
 * #close()} always kills the root's tmux server and deletes everything. The provider is found
 * through {@link ProviderRegistry} (the {@code megaplan-cloud-providers} jar must be on the class
 * path), so this class depends on the SPI only.
 */
public final class HostBox implements AutoCloseable {
  /** The repository URL the box's configuration names; its root is named after it. */
  public static final String REPO_URL = "https://example.invalid/box.git";

  private final Path home;
  private final Provider provider;

  private HostBox(Path home, Provider provider) {
    this.home = home;
    this.provider = provider;
  }

  /**
   * Opens a box on a new temp directory, with this process's environment (the provider drops {@code
   * TMUX} itself).
   *
   * @return the box
   */
  public static HostBox open() {
    return open(System::getenv);
  }

  /**
   * Opens a box on a new temp directory with a given environment lookup.
   *
   * @param environment the local environment the provider sees
   * @return the box
   */
  public static HostBox open(Function<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    Path home;
    try {
      home = Files.createTempDirectory("megaplan-hostbox-").toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The root is set explicitly, so a loader-filled default can never point the box at the
    // real home.
    CloudConfig config =
        CloudConfig.builder()
            .provider("host")
            .repo(RepoConfig.builder().url(REPO_URL).build())
            .host(
                HostConfig.builder()
                    .root(home.resolve(".megaplan/cloud/host/box").toString())
                    .build())
            .build();
    ProviderContext context =
        ProviderContext.builder().config(config).environment(environment).home(home).build();
    try {
      return new HostBox(home, ProviderRegistry.discover().factory("host").create(context));
    } catch (RuntimeException e) {
      deleteTree(home);
      throw e;
    }
  }

  /**
   * The host provider on this box's root.
   *
   * @return the provider
   */
  public Provider provider() {
    return provider;
  }

  /**
   * The root directory ({@code ROOT}).
   *
   * @return the root
   */
  public Path root() {
    return Path.of(provider.remoteRoot());
  }

  /**
   * The temp directory standing for the home (the root lies under it).
   *
   * @return the home
   */
  public Path home() {
    return home;
  }

  /**
   * Kills the root's tmux server and deletes the root and the temp home, whatever fails on the way
   * (the first failure is rethrown after everything was attempted).
   */
  @Override
  public void close() {
    RuntimeException failure = null;
    try {
      provider.down();
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      provider.destroy();
    } catch (RuntimeException e) {
      failure = failure == null ? e : failure;
    }
    provider.close();
    try {
      deleteTree(home);
    } catch (RuntimeException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "HostBox" + Map.of("root", provider.remoteRoot());
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
