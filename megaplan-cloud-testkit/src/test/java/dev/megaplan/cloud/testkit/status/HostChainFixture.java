package dev.megaplan.cloud.testkit.status;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.MegaplanConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import dev.megaplan.cloud.testkit.HostBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A chain on a real host box: a workspace with chain.yaml, the state files 02 names, and a fake
 * launcher (a shell script standing in for megaplan) that answers {@code status} and {@code
 * verify-human} from files under {@code <workspace>/.fake/}.
 */
final class HostChainFixture {
  static final String SESSION = "megaplan-chain-e2e";
  static final String SECRET = "pl4nted-secret-value-77";

  static final String LAUNCHER =
      String.join(
          "\n",
          "#!/bin/sh",
          "case \"$1\" in",
          "  status)",
          "    [ \"$2\" = --plan ] || { echo \"status needs --plan\" >&2; exit 5; }",
          "    if [ -f .fake/status ]; then",
          "      printf '{\"plan\": \"%s\", \"status\": \"%s\", \"next_step\": null}\\n' \"$3\""
              + " \"$(cat .fake/status)\"",
          "    else echo \"no such plan: $3\" >&2; exit 3; fi ;;",
          "  verify-human)",
          "    [ \"$MEGAPLAN_TRUSTED_CONTAINER\" = 1 ] || { echo untrusted >&2; exit 4; }",
          "    cat .fake/verify.json 2>/dev/null ;;",
          "  *) echo \"unsupported: $*\" >&2; exit 2 ;;",
          "esac",
          "");

  final HostBox box;
  final Path workspace;
  final String spec;
  final Path launcher;

  HostChainFixture(HostBox box) {
    this.box = box;
    this.workspace = box.root().resolve("chains/app");
    this.spec = workspace.resolve("chain.yaml").toString();
    this.launcher = box.root().resolve("bin/fake megaplan");
    write(launcher, LAUNCHER);
    try {
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spec(
        "milestones:\n- {label: m1, idea: i1.md}\n- {label: m2, idea: i2.md}\n- {label: m3, idea: i3.md}\n");
  }

  Provider provider() {
    return box.provider();
  }

  CloudConfig config() {
    return CloudConfig.builder()
        .provider("host")
        .repo(RepoConfig.builder().url(HostBox.REPO_URL).build())
        .megaplan(MegaplanConfig.builder().command(ShellQuote.quote(launcher.toString())).build())
        .chainSession(SESSION)
        .secrets(List.of("E2E_TOKEN"))
        .build();
  }

  CloudSession session(Path home) {
    return CloudSession.builder(config())
        .provider(box.provider())
        .home(home)
        .environment(Map.of("E2E_TOKEN", SECRET)::get)
        .cloudYaml(home.resolve("project/cloud.yaml"))
        .open();
  }

  HostChainFixture spec(String yaml) {
    write(Path.of(spec), yaml);
    return this;
  }

  HostChainFixture state(String json) {
    write(Path.of(ChainStatePath.statePath(spec)), json);
    return this;
  }

  HostChainFixture legacyState(String json) {
    write(Path.of(ChainStatePath.legacyStatePath(spec)), json);
    return this;
  }

  HostChainFixture runtimePolicy(String json) {
    write(Path.of(ChainStatePath.runtimePolicyPath(spec)), json);
    return this;
  }

  HostChainFixture planStatus(String status) {
    write(workspace.resolve(".fake/status"), status);
    return this;
  }

  HostChainFixture verification(String json) {
    write(workspace.resolve(".fake/verify.json"), json);
    return this;
  }

  HostChainFixture chainLog(String content) {
    write(workspace.resolve(".megaplan/cloud-chain-" + SESSION + ".log"), content);
    return this;
  }

  /** Starts the runner's tmux session, through the provider's own tmux server. */
  HostChainFixture runnerAlive() {
    ExecResult result =
        box.provider()
            .remoteShell()
            .orElseThrow()
            .exec(
                box.provider().tmuxCommand()
                    + " new-session -d -s "
                    + ShellQuote.quote(SESSION)
                    + " 'sleep 600'",
                Duration.ofSeconds(20));
    if (result.exitCode() != 0) {
      throw new IllegalStateException("tmux new-session failed: " + result.stderr());
    }
    return this;
  }

  static void write(Path path, String text) {
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
