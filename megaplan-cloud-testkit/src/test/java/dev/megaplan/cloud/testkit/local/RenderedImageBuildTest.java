package dev.megaplan.cloud.testkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.internal.deploy.DeployDirectory;
import dev.megaplan.cloud.core.internal.deploy.RenderedDeployDir;
import dev.megaplan.cloud.testkit.docker.DockerEngine;
import dev.megaplan.cloud.testkit.docker.EnabledIfDockerEngine;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered Dockerfile built for real: {@code image.base} = the test base image (whose offline
 * stand-ins of {@code apt-get} and {@code npm} make the two registry-bound steps no-ops, every
 * other line runs) and a custom toolchain snippet. The image's COPY paths, file modes, entrypoint
 * and health server are then checked in a container of it.
 */
@EnabledIfDockerEngine
@Timeout(600)
class RenderedImageBuildTest {
  @TempDir Path temp;

  private static DockerEngine.Result docker(String... args) {
    return DockerEngine.docker(Duration.ofMinutes(10), args);
  }

  @Test
  void theRenderedDockerfileBuildsFromImageBaseAndItsEntrypointServesHealth() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RenderedDeployDir rendered =
        DeployDirectory.render(
            CloudYaml.parse(
                "provider: local\nrepo: {url: https://example.invalid/a.git}\n"
                    + "megaplan: {codex_auth: apikey}\n"
                    + "resources: {port: "
                    + port
                    + "}\n"
                    + "image: {base: "
                    + DockerEngine.baseImage()
                    + "}\n"
                    + "toolchains:\n  - name: probe\n    install: |\n"
                    + "      RUN echo snippet-ran > /opt/toolchain-probe\n"
                    + "      ENV PROBE_HOME=/opt\n"),
            DeployDirectory.Target.LOCAL,
            temp.resolve("deploy"));
    String image = "megaplan-cloud-rendered-" + UUID.randomUUID().toString().substring(0, 8);
    String name = image + "-box";
    try {
      DockerEngine.Result build =
          DockerEngine.run(
              List.of(
                  "env",
                  "DOCKER_BUILDKIT=0",
                  "docker",
                  "build",
                  "-t",
                  image,
                  rendered.dir().toString()),
              Duration.ofMinutes(10));
      assertEquals(0, build.exitCode(), build.toString());
      assertTrue(
          (build.stdout() + build.stderr()).contains("offline stand-in: skipped 'npm install -g"),
          build.toString());

      DockerEngine.Result files =
          docker(
              "run",
              "--rm",
              "--entrypoint",
              "bash",
              image,
              "-c",
              "stat -c '%a %n' /opt/megaplan-cloud/entrypoint.sh /opt/megaplan-cloud/healthserver.py"
                  + " /opt/megaplan-cloud/wrappers/*.sh && cat /opt/toolchain-probe"
                  + " && echo \"$PROBE_HOME\" && pwd && bash -n /opt/megaplan-cloud/entrypoint.sh");
      assertEquals(
          "755 /opt/megaplan-cloud/entrypoint.sh\n"
              + "755 /opt/megaplan-cloud/healthserver.py\n"
              + "755 /opt/megaplan-cloud/wrappers/chain.sh\n"
              + "755 /opt/megaplan-cloud/wrappers/heartbeat.sh\n"
              + "755 /opt/megaplan-cloud/wrappers/run-in-tmux.sh\n"
              + "755 /opt/megaplan-cloud/wrappers/supervise-with-backoff.sh\n"
              + "snippet-ran\n/opt\n/workspace/app\n",
          files.stdout(),
          files.toString());

      DockerEngine.Result run = docker("run", "-d", "--name", name, "-p", port + ":" + port, image);
      assertEquals(0, run.exitCode(), run.toString());
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      int root = -1;
      int other = -1;
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (root != 200 && System.nanoTime() < deadline) {
        try {
          root = get(http, port, "/");
          other = get(http, port, "/nope");
        } catch (java.io.IOException notYet) {
          Thread.sleep(500);
        }
      }
      assertEquals(200, root, docker("logs", name).toString());
      assertEquals(404, other);
      DockerEngine.Result sessions = docker("exec", name, "tmux", "ls", "-F", "#{session_name}");
      assertEquals("agent\nheartbeat\n", sessions.stdout(), sessions.toString());
    } finally {
      docker("rm", "-f", name);
      docker("rmi", "-f", image);
    }
  }

  private static int get(HttpClient http, int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
