package dev.megaplan.cloud.testkit.hostile;

import static dev.megaplan.cloud.testkit.hostile.HostileStrings.visible;
import static dev.megaplan.cloud.testkit.hostile.HostileStrings.yamlQuoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.remote.BootSessionCommand;
import dev.megaplan.cloud.core.internal.remote.ChainCommand;
import dev.megaplan.cloud.core.internal.remote.LaunchCommand;
import dev.megaplan.cloud.core.internal.remote.LaunchProbeCommand;
import dev.megaplan.cloud.core.internal.remote.MegaplanRefresh;
import dev.megaplan.cloud.core.internal.remote.RestartCommand;
import dev.megaplan.cloud.core.internal.remote.StatusProbeCommand;
import dev.megaplan.cloud.core.internal.remote.StatusProbeResult;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The property behind "a value never runs": arbitrary strings (see {@link HostileStrings}) as a
 * workspace, a box root and a session name either reach tmux and the box unchanged, or are refused
 * before any command runs. Never executed: every fragment that would run a command creates a canary
 * file, and no canary may exist at the end.
 *
 * <p>Each value goes in where a user or the box puts it — cloud.yaml's {@code repo.workspace} and
 * {@code chain_session} through the loader, the box root through the transport's own way (see
 * {@link #rootRole}) — and the code under test decides whether it is refused. An accepted value
 * then runs through every tmux command the SDK has: the chain launch, both status probes, the
 * supervisor's restart and the boot session, over this transport's real shell and a real tmux, with
 * a fake launcher that writes its working directory and arguments to the chain log. Unchanged
 * means: the runner's working directory, the session marker and the launcher's {@code --spec} are
 * the value byte for byte, and tmux lists the session by exactly its name.
 *
 * <p>The seed is chosen per run and named in every failure; rerun one with {@code
 * -Dhostile.seed=N}, and change the sample count with {@code -Dhostile.samples=N}.
 */
public abstract class HostileValuesProperty {
  /** The seed of this run. */
  protected static final long SEED = Long.getLong("hostile.seed", System.nanoTime());

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String LAUNCHER_SCRIPT =
      String.join(
          "\n",
          "#!/bin/sh",
          "printf 'cwd=%s\\n' \"$(pwd -P)\"",
          "for a in \"$@\"; do printf 'arg=%s\\n' \"$a\"; done",
          "printf 'end\\n'",
          "exec sleep 120",
          "");

  private final List<String> accepted = new ArrayList<>();
  private final List<String> refused = new ArrayList<>();

  /**
   * The box every role but the root runs on.
   *
   * @return the provider (its shell and tmux)
   */
  protected abstract Provider provider();

  /**
   * A directory on the box, by its real path, that this test owns: workspaces, logs and canaries
   * live under it.
   *
   * @return the directory
   */
  protected abstract Path base();

  /**
   * How many values each role tries by default.
   *
   * @return the count
   */
  protected abstract int defaultSamples();

  /**
   * The root role: a box root {@code root} goes in where this transport takes one, and a derived
   * chain (its workspace and session marker under the root) runs, or the root is refused.
   *
   * @param sample the sample number
   * @param root the root
   * @return true when it was accepted and ran, false when refused
   */
  protected abstract boolean rootRole(int sample, String root);

  @Test
  void hostileWorkspacesRootsAndSessionsReachTmuxUnchangedOrAreRefusedAndNeverRun()
      throws Exception {
    Path launcher = base().resolve("bin/fake-megaplan");
    Files.createDirectories(launcher.getParent());
    Files.writeString(launcher, LAUNCHER_SCRIPT);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(base().resolve("canaries"));
    Files.createDirectories(base().resolve("logs"));
    Random random = new Random(SEED);
    HostileStrings strings = new HostileStrings(random);
    int samples = Integer.getInteger("hostile.samples", defaultSamples());
    int acceptedRoots = 0;
    int refusedRoots = 0;
    for (int n = 0; n < samples; n++) {
      int i = n;
      String workspaceTail = strings.pathTail(canary(i, "w"));
      role("workspace", i, workspaceTail, () -> workspaceRole(sample(i), workspaceTail));
      String session = strings.sessionName(canary(i, "s"));
      role("session", i, session, () -> sessionRole(sample(i), session));
      String root = base().resolve("r" + i).toString() + "/" + strings.pathTail(canary(i, "r"));
      boolean[] ran = new boolean[1];
      role("root", i, root, () -> ran[0] = rootRole(i, root));
      if (ran[0]) {
        acceptedRoots++;
      } else {
        refusedRoots++;
      }
    }
    Thread.sleep(500); // a tmux #(…) job runs asynchronously in the server
    List<String> canaries;
    try (Stream<Path> files = Files.list(base().resolve("canaries"))) {
      canaries = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(List.of(), canaries, seed() + " a value ran as a command (canary per sample)");
    assertTrue(
        accepted.stream().anyMatch(a -> a.startsWith("workspace"))
            && accepted.stream().anyMatch(a -> a.startsWith("session"))
            && acceptedRoots > 0,
        seed() + " every role must accept some values: " + accepted);
    assertTrue(
        refused.stream().anyMatch(a -> a.startsWith("workspace"))
            && refused.stream().anyMatch(a -> a.startsWith("session"))
            && refusedRoots > 0,
        seed() + " every role must refuse some values: " + refused);
  }

  private interface Role {
    void run() throws Exception;
  }

  private void role(String name, int sample, String value, Role role) {
    try {
      role.run();
    } catch (AssertionError | Exception e) {
      throw new AssertionError(
          seed() + " " + name + " #" + sample + " " + visible(value) + ": " + e.getMessage(), e);
    }
  }

  private String sample(int i) {
    return Integer.toString(i);
  }

  /** A canary path for a sample and role: the file a hidden command would create. */
  private String canary(int sample, String role) {
    return base().resolve("canaries").resolve(role + sample).toString();
  }

  /** cloud.yaml's {@code repo.workspace}, through the loader. */
  private void workspaceRole(String sample, String tail) {
    String workspace = base().resolve("w" + sample).toString() + "/" + tail;
    Optional<CloudConfig> config =
        load(
            "repo: {url: https://example.invalid/app.git, workspace: "
                + yamlQuoted(workspace)
                + "}\n");
    if (config.isEmpty()) {
      refused.add("workspace " + visible(workspace));
      return;
    }
    assertEquals(workspace, config.get().repo().workspace(), "the loader changed the workspace");
    String onBox = provider().toRemotePath(workspace);
    assertEquals(workspace, onBox, "the workspace was translated");
    runChain(
        provider(),
        onBox,
        "megaplan-chain-w" + sample,
        base().resolve("root").toString() + "/.megaplan/cloud-sessions",
        "w" + sample);
    accepted.add("workspace " + visible(workspace));
  }

  /** cloud.yaml's {@code chain_session}, through the loader. */
  private void sessionRole(String sample, String session) {
    Optional<CloudConfig> config =
        load(
            "repo: {url: https://example.invalid/app.git}\nchain_session: "
                + yamlQuoted(session)
                + "\n");
    if (config.isEmpty()) {
      refused.add("session " + visible(session));
      return;
    }
    assertEquals(Optional.of(session), config.get().chainSession(), "the loader changed it");
    runChain(
        provider(),
        base().resolve("s" + sample).toString(),
        session,
        base().resolve("root").toString() + "/.megaplan/cloud-sessions",
        "s" + sample);
    accepted.add("session " + visible(session));
  }

  /**
   * Loads cloud.yaml text: the config, or empty when it was refused with {@code invalid_spec}.
   *
   * @param yaml the text
   * @return the config, if accepted
   */
  protected Optional<CloudConfig> load(String yaml) {
    try {
      return Optional.of(CloudYaml.loader().homeDirectory(base().resolve("home")).parse(yaml));
    } catch (CloudException e) {
      assertEquals(ErrorCode.INVALID_SPEC, e.code(), e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Runs every tmux command the SDK has for one chain, and checks the values arrived unchanged: the
   * launch (session, marker, working directory, {@code --spec}), the launch and status probes (the
   * runner is alive), the restart (killed and started again one-shot, same directory) and the boot
   * session (same directory). Kills the sessions afterwards.
   *
   * @param box the box
   * @param workspace the chain workspace on the box
   * @param session the session name
   * @param markerDir the session marker directory
   * @param tag a file-name-safe tag for this sample's logs
   */
  protected void runChain(
      Provider box, String workspace, String session, String markerDir, String tag) {
    RemoteShell shell = box.remoteShell().orElseThrow();
    String tmux = box.tmuxCommand();
    String launcher = ShellQuote.quote(base().resolve("bin/fake-megaplan").toString());
    String log = base().resolve("logs").resolve(tag + ".log").toString();
    String spec = workspace + "/chain.yaml";
    String marker = markerDir + "/" + session + ".json";
    ChainCommand chain =
        new ChainCommand(
            launcher,
            spec,
            log,
            false,
            false,
            Optional.of(new MegaplanRefresh(Optional.empty(), "main", workspace + "/src")));
    // refuses an unsafe session or workspace before anything runs
    LaunchCommand launch =
        new LaunchCommand(tmux, session, workspace, "d1g3st", "slug", marker, chain);
    try {
      // the checkout a launch clones before it starts the runner
      Files.createDirectories(Path.of(workspace));
      LaunchCommand.Result started = LaunchCommand.parse(shell.exec(launch.render(), TIMEOUT));
      assertEquals(LaunchCommand.Outcome.STARTED, started.outcome(), started.detail());
      List<List<String>> runs = awaitRuns(Path.of(log), 1);
      assertEquals("cwd=" + workspace, runs.get(0).get(0), "the runner's working directory");
      assertEquals(
          List.of("arg=chain", "arg=start", "arg=--spec", "arg=" + spec),
          runs.get(0).subList(1, 5),
          "the launcher's arguments");
      JsonNode written = Json.mapper().readTree(Files.readString(Path.of(marker)));
      assertEquals(workspace, written.path("workspace").asText(), "the marker's workspace");
      assertEquals(session, written.path("session").asText(), "the marker's session");
      assertEquals(spec, written.path("remote_spec").asText(), "the marker's remote spec");
      ExecResult listed = shell.exec(tmux + " list-sessions -F '#{session_name}'", TIMEOUT);
      assertTrue(
          listed.stdout().lines().anyMatch(session::equals),
          "tmux lists the session by another name: " + listed.stdout());

      LaunchProbeCommand.Probe probe =
          LaunchProbeCommand.parse(
              shell.exec(
                  new LaunchProbeCommand(
                          tmux, session, ChainStatePath.statePath(spec), workspace, log)
                      .render(),
                  TIMEOUT));
      assertTrue(probe.sessionAlive(), "the launch probe saw no session");
      StatusProbeCommand status =
          new StatusProbeCommand(
              tmux,
              launcher,
              spec,
              ChainStatePath.statePath(spec),
              ChainStatePath.legacyStatePath(spec),
              ChainStatePath.runtimePolicyPath(spec),
              workspace,
              session,
              log,
              OptionalLong.of(7),
              Duration.ofSeconds(10));
      StatusProbeResult observed =
          StatusProbeCommand.parse(shell.exec(status.render(), status.execTimeout()));
      assertEquals(
          StatusProbeResult.RunnerStatus.ALIVE,
          observed.runner().status(),
          "the status probe: " + observed.runner().detail());

      RestartCommand restart =
          new RestartCommand(
              tmux, session, workspace, marker, chain, true, Optional.empty(), Optional.empty());
      RestartCommand.Result restarted = RestartCommand.parse(shell.exec(restart.render(), TIMEOUT));
      assertEquals(RestartCommand.Outcome.RESTARTED, restarted.outcome(), restarted.detail());
      runs = awaitRuns(Path.of(log), 2);
      assertEquals("cwd=" + workspace, runs.get(1).get(0), "the restarted runner's directory");
      assertTrue(runs.get(1).contains("arg=--one"), "the restart is one-shot: " + runs.get(1));

      String bootLog = base().resolve("logs").resolve(tag + "-boot.log").toString();
      BootSessionCommand boot =
          new BootSessionCommand(
              tmux,
              workspace,
              launcher + " boot",
              base().resolve("bin/fake-megaplan").toString(),
              bootLog);
      assertEquals("started", BootSessionCommand.parse(shell.exec(boot.render(), TIMEOUT)));
      runs = awaitRuns(Path.of(bootLog), 1);
      assertEquals("cwd=" + workspace, runs.get(0).get(0), "the boot session's directory");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      shell.exec(
          tmux
              + " kill-session -t "
              + ShellQuote.quote("=" + session)
              + " 2>/dev/null; "
              + tmux
              + " kill-session -t =agent 2>/dev/null; true",
          TIMEOUT);
    }
  }

  /** Waits until a log holds {@code count} complete launcher runs, and returns them. */
  private static List<List<String>> awaitRuns(Path log, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    List<List<String>> runs = List.of();
    while (System.nanoTime() < deadline) {
      runs = runs(log);
      if (runs.size() >= count) {
        return runs;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return fail("the runner wrote " + runs.size() + " of " + count + " runs to " + log);
  }

  private static List<List<String>> runs(Path log) {
    if (!Files.exists(log)) {
      return List.of();
    }
    List<List<String>> runs = new ArrayList<>();
    List<String> current = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (line.startsWith("cwd=")) {
          current = new ArrayList<>();
          current.add(line);
        } else if (line.equals("end")) {
          runs.add(current);
        } else if (line.startsWith("arg=")) {
          current.add(line);
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return runs;
  }

  /**
   * The seed, for failure messages.
   *
   * @return {@code seed=N (rerun with -Dhostile.seed=N)}
   */
  protected static String seed() {
    return "seed=" + SEED + " (rerun with -Dhostile.seed=" + SEED + ")";
  }
}
