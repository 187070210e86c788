package dev.megaplan.cloud.testkit.docker;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The condition behind {@link EnabledIfDockerEngine}: enabled when {@code docker version --format
 * {{.Server.Version}}} answers and both test images exist, disabled with the reason otherwise.
 */
public final class DockerEngineCondition implements ExecutionCondition {
  /** Creates the condition; JUnit calls this. */
  public DockerEngineCondition() {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> version = DockerEngine.serverVersion();
    if (version.isEmpty()) {
      return ConditionEvaluationResult.disabled(
          "no Docker engine answers `docker version --format {{.Server.Version}}` at "
              + DockerEngine.host()
              + "; start one (as root: scripts/docker-engine start DIR) and set DOCKER_HOST,"
              + " or run bin/test");
    }
    for (String image : new String[] {DockerEngine.runnerImage(), DockerEngine.baseImage()}) {
      if (!DockerEngine.hasImage(image)) {
        return ConditionEvaluationResult.disabled(
            "the Docker engine "
                + version.get()
                + " at "
                + DockerEngine.host()
                + " has no image "
                + image
                + "; build the test images: scripts/test-runner-image");
      }
    }
    return ConditionEvaluationResult.enabled(
        "Docker engine " + version.get() + " at " + DockerEngine.host());
  }
}
