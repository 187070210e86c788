package dev.megaplan.cloud.testkit.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A workspace directory with a {@code chain.yaml} in it, and readers for what the emulator writes.
 */
final class ChainWorkspace {
  private final Path directory;
  private final Path spec;

  private ChainWorkspace(Path directory) {
    this.directory = directory;
    this.spec = directory.resolve("chain.yaml");
  }

  /** A workspace at {@code directory} (created) whose chain spec has the given text. */
  static ChainWorkspace create(Path directory, String specText) {
    ChainWorkspace workspace = new ChainWorkspace(directory);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    workspace.writeSpec(specText);
    return workspace;
  }

  /** Spec text for milestones {@code labels} followed by {@code extra} YAML lines. */
  static String spec(List<String> labels, String... extra) {
    StringBuilder text = new StringBuilder("milestones:\n");
    for (String label : labels) {
      text.append("  - label: ").append(label).append('\n');
      text.append("    idea: ideas/").append(label).append(".md\n");
    }
    for (String line : extra) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  void writeSpec(String text) {
    try {
      Files.writeString(spec, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path directory() {
    return directory;
  }

  /** The spec's absolute path as the SDK passes it. */
  String specPath() {
    return spec.toString();
  }

  /** The chain state file per spec 02. */
  Path statePath() {
    return ChainStatePath.forSpec(spec);
  }

  boolean stateExists() {
    return Files.exists(statePath());
  }

  /** The chain state file, parsed. */
  Map<String, Object> state() {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> state =
          (Map<String, Object>) JsonReader.parse(Files.readString(statePath()));
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeState(String json) {
    try {
      Files.createDirectories(statePath().getParent());
      Files.writeString(statePath(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path planDirectory(String plan) {
    return directory.resolve(".megaplan").resolve("plans").resolve(plan);
  }

  EmulatorProcess emulator() {
    return EmulatorProcess.in(directory);
  }

  /** {@code chain start --spec <spec> [more args]}. */
  EmulatorProcess.Result chainStart(String... more) {
    return emulator().run(chainStartArgs(more));
  }

  /** The argument vector of {@code chain start --spec <spec> [more args]}. */
  String[] chainStartArgs(String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "chain";
    args[1] = "start";
    args[2] = "--spec";
    args[3] = specPath();
    System.arraycopy(more, 0, args, 4, more.length);
    return args;
  }
}
