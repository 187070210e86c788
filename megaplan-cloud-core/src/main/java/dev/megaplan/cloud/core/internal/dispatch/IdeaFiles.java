package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds each milestone's local idea file and its destination on the box (spec 03 §3), before
 * anything remote is touched.
 */
public final class IdeaFiles {
  private final Path ideaDir;
  private final Path projectRoot;
  private final String configuredWorkspace;
  private final String launchWorkspace;

  /**
   * A resolver for one launch.
   *
   * @param ideaDir where idea files are looked up first (default: the spec's directory)
   * @param projectRoot the project root (the directory of cloud.yaml)
   * @param configuredWorkspace {@code repo.workspace} on the box
   * @param launchWorkspace the launch's workspace on the box
   */
  public IdeaFiles(
      Path ideaDir, Path projectRoot, String configuredWorkspace, String launchWorkspace) {
    this.ideaDir = ideaDir.toAbsolutePath().normalize();
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.configuredWorkspace = stripSlash(configuredWorkspace);
    this.launchWorkspace = stripSlash(launchWorkspace);
  }

  /**
   * One idea file: where it is locally and where it goes.
   *
   * @param localFile the local file found
   * @param remotePath its destination on the box
   */
  public record Resolved(Path localFile, String remotePath) {}

  /**
   * Resolves one milestone's idea path.
   *
   * @param milestone the milestone label (for the error)
   * @param ideaPath the idea path as written in the spec (already translated to the box)
   * @return the local file and its destination
   * @throws CloudException {@code missing_idea_file} listing every path tried
   */
  public Resolved resolve(String milestone, String ideaPath) {
    boolean absolute = ideaPath.startsWith("/");
    boolean underWorkspace = absolute && isUnder(ideaPath, configuredWorkspace);
    String relative =
        underWorkspace
            ? ideaPath.substring(configuredWorkspace.length()).replaceFirst("^/+", "")
            : ideaPath.replaceFirst("^/+", "");
    List<Path> candidates = new ArrayList<>();
    candidates.add(ideaDir.resolve(relative));
    candidates.add(projectRoot.resolve(relative));
    if (ideaDir.startsWith(projectRoot) && !ideaDir.equals(projectRoot)) {
      String tail = projectRoot.relativize(ideaDir).toString();
      if (relative.startsWith(tail + "/")) {
        candidates.add(ideaDir.resolve(relative.substring(tail.length() + 1)));
      }
    }
    if (absolute && !underWorkspace) {
      candidates.add(ideaDir.resolve(Path.of(ideaPath).getFileName().toString()));
    }
    List<String> tried = new ArrayList<>();
    Optional<Path> found = Optional.empty();
    for (Path candidate : candidates) {
      Path normalized = candidate.normalize();
      if (!tried.contains(normalized.toString())) {
        tried.add(normalized.toString());
      }
      if (found.isEmpty() && Files.isRegularFile(normalized)) {
        found = Optional.of(normalized);
      }
    }
    if (found.isEmpty()) {
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("milestone", milestone);
      context.put("idea", ideaPath);
      context.put("tried_paths", tried);
      throw new CloudException(
          ErrorCode.MISSING_IDEA_FILE,
          "Idea file for milestone '"
              + milestone
              + "' not found: "
              + ideaPath
              + " (tried "
              + String.join(", ", tried)
              + ")",
          context);
    }
    String remote = absolute && !underWorkspace ? ideaPath : launchWorkspace + "/" + relative;
    return new Resolved(found.get(), remote);
  }

  private static boolean isUnder(String path, String directory) {
    return path.equals(directory) || path.startsWith(directory + "/");
  }

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
