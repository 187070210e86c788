package dev.megaplan.cloud.providers.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Removes a persistent deploy directory on {@code destroy}, refusing any directory that is not
 * strictly below {@code <home>/.megaplan/cloud/}. Symbolic links inside are removed, never
 * followed.
 */
public final class DeployDirRemover {
  private DeployDirRemover() {}

  /**
   * Removes the directory and everything in it; a missing directory is fine.
   *
   * @param dir the deploy directory
   * @param home the local home directory
   * @throws CloudException {@code provider_failed} for a directory outside the deploy root or when
   *     removal fails
   */
  public static void remove(Path dir, Path home) {
    Path root = home.resolve(".megaplan").resolve("cloud").toAbsolutePath().normalize();
    Path target = dir.toAbsolutePath().normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Refusing to remove " + target + ": a deploy directory lives below " + root,
          Map.of("deploy_dir", target.toString()));
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(target)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path path : paths) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not remove the deploy directory " + target + ": " + e.getMessage(),
          Map.of("deploy_dir", target.toString()),
          e);
    }
  }
}
