package dev.megaplan.cloud.cli.internal;

import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.internal.marker.LocalMarkers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A chain on a {@code host} box for the class-data-sharing training run: the chain spec, a chain
 * state with a current plan, a PR and sync facts, and a launcher script that answers {@code status}
 * and {@code verify-human} as megaplan does, so a status read and a supervisor tick go through
 * every step (the probe, the plan probes, the payload, the decision, the JSON) with real bash.
 */
final class TrainingBox {
  private final Path work;

  TrainingBox(Path work) {
    this.work = work;
  }

  /** The box's root, the {@code host.root} of {@link #cloudYaml()}. */
  Path root() {
    return work.resolve("box");
  }

  /** The remote spec of the chain (the host box's paths are this machine's). */
  String remoteSpec() {
    return root().resolve("app/chain.yaml").toString();
  }

  /**
   * Writes the box, its cloud.yaml and the local marker of a chain launched from it (under {@code
   * home}), so a status read without {@code --remote-spec} finds the chain as after a launch.
   */
  void write(Path home) throws IOException {
    Path app = root().resolve("app");
    Files.createDirectories(app.resolve(".megaplan/plans/m2-plan"));
    Files.writeString(
        app.resolve("chain.yaml"),
        "milestones:\n"
            + "  - {label: m1, idea: m1.md}\n"
            + "  - {label: m2, idea: m2.md}\n"
            + "  - {label: m3, idea: m3.md}\n"
            + "merge_policy: review\n",
        StandardCharsets.UTF_8);
    Path state = Path.of(ChainStatePath.statePath(remoteSpec()));
    Files.createDirectories(state.getParent());
    Files.writeString(
        state,
        "{\n"
            + "  \"schema_version\": 0,\n"
            + "  \"current_milestone_index\": 1,\n"
            + "  \"current_plan_name\": \"m2-plan\",\n"
            + "  \"last_state\": \"running\",\n"
            + "  \"completed\": [{\"label\": \"m1\"}],\n"
            + "  \"pr_number\": 101,\n"
            + "  \"pr_state\": \"open\",\n"
            + "  \"branch_head\": \"0123456789abcdef\",\n"
            + "  \"sync_state\": \"clean\"\n"
            + "}\n",
        StandardCharsets.UTF_8);
    Path launcher = work.resolve("megaplan");
    Files.writeString(
        launcher,
        "#!/bin/sh\n"
            + "case \"$1\" in\n"
            + "  status) printf '{\"plan\": \"m2-plan\", \"status\": \"running\","
            + " \"next_step\": \"execute\", \"milestone\": \"m2\"}\\n' ;;\n"
            + "  verify-human) printf '{\"semantics\": \"latest_verdict\", \"pending\": 0,"
            + " \"verified\": 1, \"all_deferred_must_verified\": true,"
            + " \"rows\": [{\"criterion\": \"c\", \"verdict\": \"verified\"}]}\\n' ;;\n"
            + "  *) exit 2 ;;\n"
            + "esac\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path cloudYaml = work.resolve("cloud.yaml");
    Files.writeString(
        cloudYaml,
        "provider: host\n"
            + "repo: {url: https://example.invalid/app.git}\n"
            + "secrets: [TRAINING_TOKEN]\n"
            + "megaplan: {command: '"
            + launcher
            + "'}\n"
            + "host: {root: '"
            + root()
            + "'}\n",
        StandardCharsets.UTF_8);
    Path marker = new LocalMarkers(home).lastChainPath(cloudYaml.toAbsolutePath().normalize());
    Files.createDirectories(marker.getParent());
    Files.writeString(
        marker,
        "{\"remote_spec\": \""
            + remoteSpec()
            + "\", \"workspace\": \""
            + app
            + "\", \"chain_session\": \"megaplan-chain-app\", \"extra_repos\": [],"
            + " \"provider\": \"host\"}\n",
        StandardCharsets.UTF_8);
  }
}
