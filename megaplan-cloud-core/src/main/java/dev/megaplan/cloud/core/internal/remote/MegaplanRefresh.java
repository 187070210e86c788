package dev.megaplan.cloud.core.internal.remote;

import java.util.Objects;
import java.util.Optional;

/**
 * Where megaplan's own source lives on the box and where it comes from (03 §8 "megaplan refresh").
 *
 * @param repoUrl {@code megaplan.repo}: the git URL to clone when the checkout is missing, if set
 * @param ref {@code megaplan.ref}: the branch or tag to clone
 * @param srcPath {@code megaplan.src_path} as a remote path
 */
public record MegaplanRefresh(Optional<String> repoUrl, String ref, String srcPath) {
  /** Checks the components. */
  public MegaplanRefresh {
    Objects.requireNonNull(repoUrl, "repoUrl");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(srcPath, "srcPath");
  }
}
