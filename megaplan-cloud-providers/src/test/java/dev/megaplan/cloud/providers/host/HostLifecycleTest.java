package dev.megaplan.cloud.providers.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.core.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HostLifecycleTest {
  @TempDir Path temp;
  private final HostBoxes boxes = new HostBoxes();

  @AfterEach
  void killServers() {
    boxes.close();
  }

  private static DeployStep step(DeployReport report, String name) {
    return report.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theFactoryDerivesTheRootFromTheHomeAndTheRepository() {
    CloudConfig config =
        CloudConfig.builder()
            .provider("host")
            .repo(RepoConfig.builder().url("https://github.com/org/Widget.git").build())
            .build();
    ProviderContext context =
        ProviderContext.builder().config(config).environment(name -> null).home(temp).build();
    try (Provider provider = ProviderRegistry.discover().factory("host").create(context)) {
      String root = temp.resolve(".megaplan/cloud/host/widget").toString();
      assertEquals(root, provider.remoteRoot());
      assertEquals(root, provider.identity());
      assertEquals(root + "/app", provider.toRemotePath("/workspace/app"));
      assertTrue(provider.capabilities().sameMachine());
      assertTrue(provider.capabilities().interactiveAttach());
    }
  }

  @Test
  void destroyStopsTheServerAndDeletesTheRoot() throws Exception {
    Path root = temp.resolve("root");
    HostProvider provider = boxes.open(root);
    provider
        .remoteShell()
        .orElseThrow()
        .exec(provider.tmuxCommand() + " new-session -d -s doomed 'sleep 300'");
    Files.createDirectories(root.resolve("ws/app/.megaplan"));
    Files.writeString(root.resolve("ws/app/file.txt"), "x");

    provider.destroy();

    assertFalse(Files.exists(root));
    assertEquals(List.of(), provider.sessions());
  }

  @Test
  void destroyOfARootThatDoesNotExistIsFine() {
    HostProvider provider = boxes.open(temp.resolve("never-made"));
    provider.destroy();
    assertFalse(Files.exists(temp.resolve("never-made")));
  }

  @Test
  void destroyRefusesADirectoryThatDoesNotLookLikeAHostRoot() throws Exception {
    Path root = temp.resolve("precious");
    Files.createDirectories(root);
    Files.writeString(root.resolve("thesis.tex"), "years of work");
    HostProvider provider = boxes.open(root);

    CloudException failure = assertThrows(CloudException.class, provider::destroy);

    assertEquals(ErrorCode.INVALID_ARGS, failure.code());
    assertTrue(
        failure.getMessage().contains("does not look like a host root"), failure.getMessage());
    assertEquals("years of work", Files.readString(root.resolve("thesis.tex")));
  }

  @Test
  void destroyRefusesTheFileSystemRootAndTheHomeDirectory() {
    Path home = temp.resolve("home");
    HostProvider slash = boxes.open(Path.of("/"), settings -> settings.home(home));
    HostProvider atHome = boxes.open(home, settings -> settings.home(home));
    HostProvider aboveHome = boxes.open(temp, settings -> settings.home(home));

    for (HostProvider provider : List.of(slash, atHome, aboveHome)) {
      CloudException failure = assertThrows(CloudException.class, provider::destroy);
      assertEquals(ErrorCode.INVALID_ARGS, failure.code());
      assertTrue(failure.getMessage().startsWith("Refusing to delete"), failure.getMessage());
    }
    assertTrue(Files.isDirectory(temp));
  }

  @Test
  void buildReportsTmuxGitAndTheLauncher() {
    HostProvider provider =
        boxes.open(temp.resolve("root"), settings -> settings.launcher("bash -c true"));
    List<String> progress = new ArrayList<>();

    DeployReport report = provider.build(DeployRequest.builder().progress(progress::add).build());

    assertTrue(report.success(), report.toString());
    assertEquals("cloud_build", report.event());
    assertEquals("host", report.provider());
    assertEquals(temp.resolve("root").toString(), report.service());
    assertTrue(step(report, "check tmux").detail().orElseThrow().startsWith("tmux "));
    assertTrue(step(report, "check git").metadata().containsKey("version"));
    assertEquals("ok", step(report, "check launcher").status());
    assertEquals(3, progress.size());
  }

  @Test
  void missingToolsAreFailedStepsWithInstallHints() {
    Map<String, String> bare = Map.of("PATH", temp.resolve("empty-bin").toString());
    HostProvider provider =
        boxes.open(
            temp.resolve("root"),
            settings ->
                settings.environment(bare::get).launcher("/abs/bin/megaplan-emulator --fast"));

    DeployReport report = provider.deploy(DeployRequest.builder().build());

    assertFalse(report.success());
    assertEquals("failed", step(report, "check tmux").status());
    assertTrue(
        step(report, "check tmux")
            .detail()
            .orElseThrow()
            .contains("Missing required CLI 'tmux'. Install: https://"));
    assertTrue(
        step(report, "check git").detail().orElseThrow().contains("Missing required CLI 'git'"));
    assertTrue(
        step(report, "check launcher")
            .detail()
            .orElseThrow()
            .contains("/abs/bin/megaplan-emulator"));
    assertTrue(report.verdict().startsWith("host box not ready"), report.verdict());
  }

  @Test
  void attachWithoutASessionListsThisRootsSessions() {
    HostProvider provider = boxes.open(temp.resolve("root"));
    provider
        .remoteShell()
        .orElseThrow()
        .exec(provider.tmuxCommand() + " new-session -d -s megaplan-chain-x 'sleep 300'");

    CloudException failure =
        assertThrows(CloudException.class, () -> provider.attach(Optional.empty()));

    assertEquals(ErrorCode.INVALID_ARGS, failure.code());
    assertEquals(List.of("megaplan-chain-x"), failure.context().get("sessions"));
    assertTrue(failure.getMessage().contains("megaplan-chain-x"), failure.getMessage());
  }

  @Test
  void attachToAnUnsafeSessionNameIsInvalidArgsBeforeTmuxIsAsked() {
    HostProvider provider = boxes.open(temp.resolve("root"));

    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> provider.attach(Optional.of("megaplan-chain#(touch /tmp/c)")));

    assertEquals(ErrorCode.INVALID_ARGS, failure.code());
    assertEquals(
        "Session \"megaplan-chain#(touch /tmp/c)\" must use only ASCII letters, digits, '_' and"
            + " '-' (tmux expands '#' and rewrites '.' and ':'), found '#' (U+0023) at position 14",
        failure.getMessage());
    assertFalse(Files.exists(provider.tmuxSocket()), "tmux was started");
  }

  @Test
  void attachWithoutATerminalFailsInsteadOfHanging() {
    HostProvider provider =
        boxes.open(temp.resolve("root"), settings -> settings.terminal(() -> false));

    CloudException failure =
        assertThrows(CloudException.class, () -> provider.attach(Optional.of("agent")));

    assertEquals(ErrorCode.INVALID_ARGS, failure.code());
    assertTrue(failure.getMessage().contains("terminal"), failure.getMessage());
  }
}
