package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.core.internal.yaml.ChainSpecReader;
import dev.megaplan.cloud.core.internal.yaml.ChainSpecUploadCopy;
import dev.megaplan.cloud.core.internal.yaml.YamlDocuments;
import dev.megaplan.cloud.core.internal.yaml.YamlText;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * Reads megaplan's chain spec ({@code chain.yaml}) into a {@link ChainSpec}, and builds the copy a
 * chain launch uploads. The file is read as megaplan reads it (PyYAML's typing, megaplan's checks
 * in megaplan's order), so a spec megaplan would run loads and one it would refuse is refused
 * before anything is uploaded; see docs/configuration.md.
 *
 * <p>Every failure is a {@link CloudException} with code {@code invalid_spec} and a message naming
 * the field by its dotted path with its {@code (chain.yaml:LINE:COL)}, for example {@code
 * milestones[2].vendor must be one of claude, codex, got 'gpt' (chain.yaml:9:13)}. Unknown keys
 * (such as the emulator's {@code emulator:} block) are kept in {@link ChainSpec#document()}.
 */
public final class ChainSpecYaml {
  private ChainSpecYaml() {}

  /**
   * Loads and validates a chain spec file; messages name the file by its own name.
   *
   * @param file the file
   * @return the spec
   * @throws CloudException {@code invalid_spec}
   */
  public static ChainSpec load(Path file) {
    return inspect(file).spec();
  }

  /**
   * Loads and validates a chain spec file, keeping the warnings: what megaplan accepts but reads in
   * a way the author may not expect (a number written as text, a repeated label, a duplicate key).
   *
   * @param file the file
   * @return the spec and its warnings
   * @throws CloudException {@code invalid_spec}
   */
  public static LoadedChainSpec inspect(Path file) {
    Path fileName = file.getFileName();
    String name = fileName == null ? file.toString() : fileName.toString();
    return inspect(YamlText.decode(YamlText.readBytes(file), name), name);
  }

  /**
   * Parses chain spec text.
   *
   * @param yaml the text
   * @param sourceName the name messages use, such as {@code chain.yaml}
   * @return the spec
   * @throws CloudException {@code invalid_spec}
   */
  public static ChainSpec parse(String yaml, String sourceName) {
    return inspect(yaml, sourceName).spec();
  }

  /**
   * Parses chain spec text, keeping the warnings.
   *
   * @param yaml the text
   * @param sourceName the name messages use, such as {@code chain.yaml}
   * @return the spec and its warnings
   * @throws CloudException {@code invalid_spec}
   */
  public static LoadedChainSpec inspect(String yaml, String sourceName) {
    Objects.requireNonNull(sourceName, "sourceName");
    ChainSpecReader.Result result =
        ChainSpecReader.read(
            YamlDocuments.compose(yaml, sourceName, YamlDocuments.DuplicateKeys.LAST_WINS),
            sourceName);
    return new LoadedChainSpec(result.spec(), result.warnings());
  }

  /**
   * The chain spec to upload. When the spec already sets {@code base_branch}, no driver override is
   * given (or it equals the file's value) and the rewriter changes no idea path, the user's bytes
   * are returned untouched (the same array). Otherwise a normalized YAML copy (block style,
   * original key order and unknown keys kept, comments dropped) with {@code base_branch} added,
   * {@code driver.max_stall_iterations} merged (replacing a {@code stall_threshold} alias in place)
   * and idea paths rewritten. The user's file is never modified.
   *
   * @param original the user's file, byte for byte
   * @param spec the spec parsed from {@code original}
   * @param baseBranchIfAbsent the base branch to add when the spec sets none ({@code repo.branch})
   * @param maxStallIterations cloud.yaml's {@code driver.max_stall_iterations}, if set
   * @param ideaPathRewriter maps each milestone's {@code idea} path to its uploaded path; return
   *     the argument to keep it
   * @return the bytes to upload (UTF-8)
   */
  public static byte[] uploadCopy(
      byte[] original,
      ChainSpec spec,
      String baseBranchIfAbsent,
      OptionalInt maxStallIterations,
      UnaryOperator<String> ideaPathRewriter) {
    return ChainSpecUploadCopy.build(
        original, spec, baseBranchIfAbsent, maxStallIterations, ideaPathRewriter);
  }
}
