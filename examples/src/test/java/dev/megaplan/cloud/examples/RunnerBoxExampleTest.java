package dev.megaplan.cloud.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.testkit.container.RunnerBoxContainer;
import dev.megaplan.cloud.testkit.docker.DockerEngine;
import dev.megaplan.cloud.testkit.docker.EnabledIfDockerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Testing your own code against a real runner box: a container of the test runner image, started
 * and removed by Testcontainers, and a {@code CloudSession} bound to it. On an engine that reaches
 * no registry, run with {@code TESTCONTAINERS_RYUK_DISABLED=true}.
 */
@EnabledIfDockerEngine
@Testcontainers
@Timeout(300)
class RunnerBoxExampleTest {
  @Container
  static final RunnerBoxContainer box = new RunnerBoxContainer(DockerEngine.runnerImage());

  @TempDir Path home;

  @Test
  void aChainLaunchedInARealContainerRunsToComplete() throws Exception {
    Path chain = Files.createDirectories(home.resolve("briefs")).resolve("chain.yaml");
    Files.writeString(
        chain, "milestones:\n  - {label: m1, idea: m1.md}\nemulator: {step_ms: 500}\n");
    Files.writeString(home.resolve("briefs/m1.md"), "# m1\n");
    CloudConfig cfg =
        CloudYaml.parse(
            "provider: host\nrepo: {url: /srv/origin}\nagents: {default: hermes}\n"
                + "megaplan: {command: megaplan-emulator}\n");
    try (CloudSession session =
        CloudSession.builder(cfg).provider(box.provider()).home(home).open()) {
      session.exec(
          "git init -q -b main /srv/origin && git -C /srv/origin -c user.name=t"
              + " -c user.email=t@example.invalid commit -q --allow-empty -m initial");
      session.chain(chain).launch();
      ChainStatus status = session.chainStatus().read();
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!status.effectiveStatus().wireName().equals("complete")
          && System.nanoTime() < deadline) {
        Thread.sleep(500);
        status = session.chainStatus().read();
      }
      assertEquals("complete", status.effectiveStatus().wireName());
    }
  }
}
