package dev.megaplan.cloud.providers.host.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deletes a host root, after making sure it is one: never {@code /}, never a home directory or a
 * directory above one, and only a directory that holds a {@code .megaplan} directory (the mark
 * every used root carries) or is empty. Symbolic links are removed, never followed.
 */
public final class RootRemover {
  private RootRemover() {}

  /**
   * Checks that a root may be deleted.
   *
   * @param root the absolute, normalized root
   * @param homes the local home directories to protect
   * @throws CloudException {@code invalid_args} explaining why the root is refused
   */
  public static void check(Path root, Collection<Path> homes) {
    if (root.getParent() == null) {
      throw refuse(root, "it is the file system root");
    }
    for (Path home : homes) {
      if (home.startsWith(root)) {
        throw refuse(root, "it is, or contains, the home directory " + home);
      }
    }
    if (Files.isSymbolicLink(root)) {
      throw refuse(root, "it is a symbolic link");
    }
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw refuse(root, "it is not a directory");
    }
    if (Files.isDirectory(root.resolve(".megaplan"), LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> entries = Files.list(root)) {
      if (entries.findAny().isPresent()) {
        throw refuse(
            root,
            "it does not look like a host root (no .megaplan directory inside, and it is not"
                + " empty)");
      }
    } catch (IOException e) {
      throw refuse(root, "it cannot be listed: " + e.getMessage());
    }
  }

  /**
   * Checks, then deletes the root and everything under it; a root that does not exist is fine.
   *
   * @param root the absolute, normalized root
   * @param homes the local home directories to protect
   * @throws CloudException {@code invalid_args} when refused, {@code provider_failed} when the
   *     deletion fails
   */
  public static void delete(Path root, Collection<Path> homes) {
    check(root, homes);
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              if (!Files.isWritable(dir) || !Files.isExecutable(dir)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
                permissions.add(PosixFilePermission.OWNER_WRITE);
                permissions.add(PosixFilePermission.OWNER_EXECUTE);
                permissions.add(PosixFilePermission.OWNER_READ);
                Files.setPosixFilePermissions(dir, permissions);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              if (exc != null) {
                throw exc;
              }
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not delete the host root " + root + ": " + e.getMessage(),
          Map.of("root", root.toString()),
          e);
    }
  }

  private static CloudException refuse(Path root, String why) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("root", root.toString());
    context.put("reason", why);
    return new CloudException(
        ErrorCode.INVALID_ARGS,
        "Refusing to delete the host root "
            + root
            + ": "
            + why
            + ". Check host.root in cloud.yaml.",
        context);
  }
}
