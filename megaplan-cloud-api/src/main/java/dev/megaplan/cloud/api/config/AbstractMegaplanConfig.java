package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;

/** How megaplan is installed and launched on the box ({@code megaplan}). */
@Value.Immutable
@JsonPropertyOrder({"ref", "repo", "install_spec", "src_path", "codex_auth", "command"})
abstract class AbstractMegaplanConfig {
  /** The default launcher. */
  public static final String DEFAULT_COMMAND = "python -m arnold.pipelines.megaplan";

  /**
   * Branch, tag or SHA installed on boot ({@code megaplan.ref}); {@code main} by default.
   *
   * @return the ref
   */
  @JsonProperty("ref")
  @Value.Default
  public String ref() {
    return "main";
  }

  /**
   * Git URL of the megaplan source ({@code megaplan.repo}), when set.
   *
   * @return the URL, or empty for the default source
   */
  @JsonProperty("repo")
  public abstract Optional<String> repo();

  /**
   * A pip install spec used instead of the git source ({@code megaplan.install_spec}), when set.
   *
   * @return the install spec, or empty
   */
  @JsonProperty("install_spec")
  public abstract Optional<String> installSpec();

  /**
   * Absolute POSIX path of the megaplan checkout on the box ({@code megaplan.src_path}); {@code
   * /workspace/arnold} by default.
   *
   * @return the path
   */
  @JsonProperty("src_path")
  @Value.Default
  public String srcPath() {
    return "/workspace/arnold";
  }

  /**
   * How Codex authenticates ({@code megaplan.codex_auth}); {@code chatgpt} by default.
   *
   * @return the auth mode
   */
  @JsonProperty("codex_auth")
  @Value.Default
  public CodexAuth codexAuth() {
    return CodexAuth.CHATGPT;
  }

  /**
   * The launcher prefix of every remote megaplan call ({@code megaplan.command}), a shell fragment
   * inserted as written; {@value #DEFAULT_COMMAND} by default.
   *
   * @return the launcher
   */
  @JsonProperty("command")
  @Value.Default
  public String command() {
    return DEFAULT_COMMAND;
  }
}
