package dev.megaplan.cloud.testkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.internal.deploy.DeployDirectory;
import dev.megaplan.cloud.core.internal.deploy.RenderedDeployDir;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the rendered image with a real Docker engine and checks its entrypoint inside it. Skipped
 * unless an engine answers {@code docker version --format {{.Server.Version}}}: a {@code docker}
 * client without an engine (as on the project's machines) is not enough.
 */
class RenderedImageBuildTest {
  @TempDir Path temp;

  private record Run(int exit, String output) {}

  private static Run run(List<String> argv, long timeoutSeconds) throws Exception {
    Process process =
        new ProcessBuilder(argv)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Run(-1, "timed out");
    }
    return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static boolean engineAnswers() {
    try {
      Run probe = run(List.of("docker", "version", "--format", "{{.Server.Version}}"), 20);
      return probe.exit() == 0 && !probe.output().isBlank();
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void theRenderedImageBuildsAndItsEntrypointParsesInside() throws Exception {
    Assumptions.assumeTrue(
        engineAnswers(),
        "no Docker engine answers `docker version --format {{.Server.Version}}` here");
    RenderedDeployDir rendered =
        DeployDirectory.render(
            CloudYaml.parse("provider: local\nrepo: {url: https://example.invalid/a.git}\n"),
            DeployDirectory.Target.LOCAL,
            temp.resolve("deploy"));
    String image = "megaplan-cloud-test-" + UUID.randomUUID();
    try {
      Run build = run(List.of("docker", "build", "-t", image, rendered.dir().toString()), 1800);
      assertEquals(0, build.exit(), build.output());
      Run parse =
          run(
              List.of(
                  "docker",
                  "run",
                  "--rm",
                  "--entrypoint",
                  "bash",
                  image,
                  "-n",
                  "/opt/megaplan-cloud/entrypoint.sh"),
              120);
      assertEquals(0, parse.exit(), parse.output());
    } finally {
      run(List.of("docker", "rmi", "-f", image), 120);
    }
  }
}
