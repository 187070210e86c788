package dev.megaplan.cloud.core.internal.deploy;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import dev.megaplan.cloud.api.config.AgentsConfig;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.CodexAuth;
import dev.megaplan.cloud.api.config.LocalConfig;
import dev.megaplan.cloud.api.config.MegaplanConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.config.Toolchain;
import dev.megaplan.cloud.core.internal.remote.BootSessionCommand;
import dev.megaplan.cloud.core.internal.remote.EnsureReposCommand;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The placeholder values of the deploy-directory templates for one configuration and target. Every
 * value that reaches shell text is quoted with the one quoting function; values inside TOML, YAML
 * or a Dockerfile's JSON form are JSON string literals.
 */
final class DeployValues {
  private DeployValues() {}

  static Map<String, String> of(CloudConfig config, DeployDirectory.Target target) {
    String workspace = config.repo().workspace();
    LocalConfig local = config.local().orElseGet(() -> LocalConfig.builder().build());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("provider", target.wireName());
    values.put("mode", config.mode().wireName());
    values.put("workspace", quote(workspace));
    values.put("workspace_json", JsonLiteral.of(workspace));
    values.put("workspace_path", workspace.replace('\n', ' '));
    values.put("port", Integer.toString(config.resources().port()));
    values.put("base_image", config.image().base());
    values.put("image_source", imageSource(config));
    values.put("bind_mount_json", JsonLiteral.of("./" + local.workdir() + ":" + workspace));
    values.put("megaplan_command_words", config.megaplan().command());
    values.put("megaplan_install", megaplanInstall(config.megaplan()));
    values.put("toolchains", toolchains(config.toolchains()));
    values.put("ensure_repos", ensureRepos(config));
    values.put("codex_model", JsonLiteral.of(config.codex().model()));
    values.put("codex_reasoning", JsonLiteral.of(config.codex().reasoning().wireName()));
    values.put("codex_auth_block", codexAuthBlock(config.megaplan().codexAuth()));
    values.put("megaplan_refresh", megaplanRefresh(config.megaplan()));
    values.put("agent_routing", agentRouting(config.agents(), config.megaplan().command()));
    values.put("boot", boot(config));
    return values;
  }

  /**
   * The compose service's image line: {@code build: .} from the deploy directory, or {@code image:
   * "<image.ref>"} for a prebuilt runner image.
   */
  static String imageSource(CloudConfig config) {
    return config.image().ref().map(ref -> "image: " + JsonLiteral.of(ref)).orElse("build: .");
  }

  /** The Dockerfile's megaplan install: {@code install_spec}, else {@code git+repo@ref}. */
  static String megaplanInstall(MegaplanConfig megaplan) {
    Optional<String> spec =
        megaplan
            .installSpec()
            .or(() -> megaplan.repo().map(r -> "git+" + r + "@" + megaplan.ref()));
    if (spec.isEmpty()) {
      return "# megaplan.install_spec and megaplan.repo are unset: the entrypoint installs megaplan"
          + " from megaplan.src_path ("
          + megaplan.srcPath().replace('\n', ' ')
          + ") when a checkout is there.";
    }
    return "RUN pip install --upgrade " + quote(spec.get());
  }

  /** Each toolchain's recipe, or a custom snippet verbatim, separated by blank lines. */
  static String toolchains(List<Toolchain> toolchains) {
    if (toolchains.isEmpty()) {
      return "# none (the image is Python/Node only)";
    }
    List<String> blocks = new ArrayList<>();
    for (Toolchain toolchain : toolchains) {
      String block =
          toolchain.isAlias()
              ? Template.load("toolchains/" + toolchain.name() + ".tmpl").render(Map.of())
              : Template.load("toolchains/custom.tmpl")
                  .render(
                      Map.of(
                          "name",
                          toolchain.name().replace('\n', ' '),
                          "install",
                          stripTrailingNewlines(toolchain.install().orElseThrow())));
      blocks.add(stripTrailingNewlines(block));
    }
    return String.join("\n\n", blocks);
  }

  /** The clone-if-missing lines of 03's ensure repos, run in a subshell of the entrypoint. */
  static String ensureRepos(CloudConfig config) {
    List<EnsureReposCommand.Checkout> checkouts = new ArrayList<>();
    checkouts.add(checkout(config.repo()));
    for (RepoConfig extra : config.extraRepos()) {
      checkouts.add(checkout(extra));
    }
    return new EnsureReposCommand(checkouts).render();
  }

  private static EnsureReposCommand.Checkout checkout(RepoConfig repo) {
    return new EnsureReposCommand.Checkout(repo.url(), repo.branch(), repo.workspace());
  }

  /** The chatgpt-forcing block of codex's config, or nothing for {@code codex_auth: apikey}. */
  static String codexAuthBlock(CodexAuth auth) {
    if (auth == CodexAuth.APIKEY) {
      return "";
    }
    return "# codex_auth: chatgpt: use the ChatGPT-subscription OAuth even when OPENAI_API_KEY is"
        + " set\npreferred_auth_method = \"chatgpt\"\n";
  }

  /** The body of the entrypoint's {@code megaplan_refresh} function. */
  static String megaplanRefresh(MegaplanConfig megaplan) {
    String src = quote(megaplan.srcPath());
    List<String> lines = new ArrayList<>();
    megaplan
        .repo()
        .ifPresent(
            repo ->
                lines.add(
                    "  if [ ! -d "
                        + quote(megaplan.srcPath() + "/.git")
                        + " ]; then GIT_TERMINAL_PROMPT=0 git clone --branch "
                        + quote(megaplan.ref())
                        + " -- "
                        + quote(repo)
                        + " "
                        + src
                        + " </dev/null || return 1; fi"));
    lines.add(
        "  if [ -f "
            + quote(megaplan.srcPath() + "/pyproject.toml")
            + " ] || [ -f "
            + quote(megaplan.srcPath() + "/setup.py")
            + " ]; then pip install --quiet --upgrade -e "
            + src
            + " || return 1; fi");
    return String.join("\n", lines);
  }

  /** One {@code config set agents.<step> <agent>} line per megaplan step. */
  static String agentRouting(AgentsConfig agents, String launcher) {
    List<String> lines = new ArrayList<>();
    for (String step : AgentsConfig.STEPS) {
      String agent = agents.agentFor(step).wireName();
      lines.add(
          launcher
              + " config set "
              + quote("agents." + step)
              + " "
              + quote(agent)
              + " >/dev/null 2>&1 || log "
              + quote("warning: could not route " + step + " to " + agent));
    }
    return String.join("\n", lines);
  }

  /** The runner session per mode; a missing idea or chain file drops to idle with a warning. */
  static String boot(CloudConfig config) {
    Optional<BootSessionCommand> boot =
        BootSessionCommand.forConfig(config, "tmux", UnaryOperator.identity());
    if (boot.isEmpty()) {
      return stripTrailingNewlines(Template.load("boot-idle.tmpl").render(Map.of()));
    }
    BootSessionCommand command = boot.get();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("required_file", quote(command.requiredFile()));
    values.put(
        "runner", quote("{ " + command.runner() + "; } >> " + quote(command.log()) + " 2>&1"));
    values.put(
        "missing_warning",
        quote(
            "warning: " + command.requiredFile() + " is missing; the runner stays idle (bash -l)"));
    return stripTrailingNewlines(Template.load("boot-runner.tmpl").render(values));
  }

  private static String stripTrailingNewlines(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }
}
