package dev.megaplan.cloud.core.internal.deploy;

import dev.megaplan.cloud.api.provider.DeployStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A deploy directory as {@link DeployDirectory#render} left it.
 *
 * @param dir the directory, absolute
 * @param steps one {@code render <file>} step per file ({@code Dockerfile} and {@code
 *     entrypoint.sh} first), status {@code ok}, metadata {@code {sha256, path}}: the first steps of
 *     a build or deploy report
 * @param sha256ByFile each rendered file's path relative to {@code dir} → the hex SHA-256 of its
 *     bytes, in rendering order
 */
public record RenderedDeployDir(
    Path dir, List<DeployStep> steps, Map<String, String> sha256ByFile) {
  /** Copies the collections. */
  public RenderedDeployDir {
    Objects.requireNonNull(dir, "dir");
    steps = List.copyOf(steps);
    sha256ByFile =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sha256ByFile));
  }
}
