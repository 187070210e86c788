package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.Milestone;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.Upload;
import dev.megaplan.cloud.core.ChainSpecYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Everything a chain launch uploads (03 §3 and §6), prepared locally before the box is touched:
 * every milestone's idea file (resolved, read, one upload per distinct destination) and then the
 * chain spec (the user's bytes, or the normalized copy of 02).
 */
public final class LaunchPayload {
  private final List<Upload> ideaUploads;
  private final Upload specUpload;

  private LaunchPayload(List<Upload> ideaUploads, Upload specUpload) {
    this.ideaUploads = List.copyOf(ideaUploads);
    this.specUpload = specUpload;
  }

  /**
   * Resolves and reads every idea file and builds the spec copy.
   *
   * @param spec the parsed spec
   * @param original the spec file's bytes
   * @param launch the launch context
   * @param ideas the idea file resolver of this launch
   * @param provider translates absolute idea paths to the box
   * @param repoBranch {@code repo.branch}, the base branch when the spec sets none
   * @param maxStallIterations cloud.yaml's {@code driver.max_stall_iterations}
   * @return the payload
   * @throws CloudException {@code missing_idea_file} (with {@code tried_paths}) for the first idea
   *     that cannot be found or read
   */
  public static LaunchPayload prepare(
      ChainSpec spec,
      byte[] original,
      LaunchContext launch,
      IdeaFiles ideas,
      Provider provider,
      String repoBranch,
      OptionalInt maxStallIterations) {
    Map<String, Upload> uploads = new LinkedHashMap<>();
    Map<String, String> rewrites = new HashMap<>();
    for (Milestone milestone : spec.milestones()) {
      String idea = milestone.idea();
      boolean absolute = idea.startsWith("/");
      IdeaFiles.Resolved resolved =
          ideas.resolve(milestone.label(), absolute ? provider.toRemotePath(idea) : idea);
      // a relative path resolves against the remote spec's directory, the launch workspace,
      // exactly where it is uploaded; only an absolute path that moved needs rewriting
      if (absolute && !resolved.remotePath().equals(idea)) {
        rewrites.put(idea, resolved.remotePath());
      }
      if (!uploads.containsKey(resolved.remotePath())) {
        uploads.put(
            resolved.remotePath(),
            Upload.of(resolved.remotePath(), read(milestone.label(), resolved.localFile())));
      }
    }
    byte[] copy =
        ChainSpecYaml.uploadCopy(
            original,
            spec,
            repoBranch,
            maxStallIterations,
            idea -> rewrites.getOrDefault(idea, idea));
    return new LaunchPayload(
        new ArrayList<>(uploads.values()), Upload.of(launch.remoteSpec(), copy));
  }

  /**
   * The idea files to upload, one per distinct destination.
   *
   * @return the uploads
   */
  public List<Upload> ideaUploads() {
    return ideaUploads;
  }

  /**
   * The chain spec's upload.
   *
   * @return the upload to the remote spec path
   */
  public Upload specUpload() {
    return specUpload;
  }

  /**
   * Everything, ideas first and the spec last, for one upload call.
   *
   * @return the uploads
   */
  public List<Upload> all() {
    List<Upload> all = new ArrayList<>(ideaUploads);
    all.add(specUpload);
    return List.copyOf(all);
  }

  private static byte[] read(String milestone, Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.MISSING_IDEA_FILE,
          "Idea file for milestone '" + milestone + "' could not be read: " + file,
          Map.of("milestone", milestone, "tried_paths", List.of(file.toString())),
          e);
    }
  }
}
