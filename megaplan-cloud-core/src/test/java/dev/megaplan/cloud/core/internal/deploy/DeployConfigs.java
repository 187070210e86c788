package dev.megaplan.cloud.core.internal.deploy;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.CloudYaml;

/** The configurations the golden files pin: one per mode, each exercising other options too. */
final class DeployConfigs {
  private DeployConfigs() {}

  /** mode auto, rust and a custom toolchain, per-step agents, codex_auth chatgpt (default). */
  static CloudConfig auto(String provider) {
    return CloudYaml.parse(
        "provider: "
            + provider
            + "\n"
            + "mode: auto\n"
            + "repo:\n"
            + "  url: https://github.com/example/app.git\n"
            + "  branch: main\n"
            + "auto:\n"
            + "  plan_name: first-plan\n"
            + "  idea_file: /workspace/app/idea.txt\n"
            + "agents:\n"
            + "  default: codex\n"
            + "  plan: claude\n"
            + "  review: claude\n"
            + "codex:\n"
            + "  model: gpt-5.4\n"
            + "  reasoning: high\n"
            + "megaplan:\n"
            + "  repo: https://github.com/example/arnold.git\n"
            + "  ref: v1.2\n"
            + "secrets:\n"
            + "  - OPENAI_API_KEY\n"
            + "toolchains:\n"
            + "  - rust\n"
            + "  - name: custom\n"
            + "    install: |\n"
            + "      RUN curl -fsSL https://example.com/tool/install.sh | bash\n"
            + "      ENV TOOL_HOME=\"/opt/tool\" MARK={{not-a-placeholder}}\n"
            + provider(provider));
  }

  /** mode chain, go and java toolchains, codex_auth apikey, an extra repo, port 9090. */
  static CloudConfig chain(String provider) {
    return CloudYaml.parse(
        "provider: "
            + provider
            + "\n"
            + "mode: chain\n"
            + "repo:\n"
            + "  url: https://github.com/example/app.git\n"
            + "  branch: develop\n"
            + "extra_repos:\n"
            + "  - url: https://github.com/example/lib.git\n"
            + "    workspace: /workspace/lib\n"
            + "chain:\n"
            + "  spec: /workspace/app/.megaplan/chains/release.yaml\n"
            + "megaplan:\n"
            + "  codex_auth: apikey\n"
            + "codex:\n"
            + "  model: gpt-5.4-mini\n"
            + "  reasoning: medium\n"
            + "resources:\n"
            + "  port: 9090\n"
            + "toolchains:\n"
            + "  - go\n"
            + "  - java\n"
            + provider(provider));
  }

  /** mode idle with every default. */
  static CloudConfig idle(String provider) {
    return CloudYaml.parse(
        "provider: "
            + provider
            + "\n"
            + "mode: idle\n"
            + "repo:\n"
            + "  url: https://github.com/example/app.git\n"
            + provider(provider));
  }

  private static String provider(String provider) {
    switch (provider) {
      case "ssh":
        return "ssh:\n  host: box.example.com\n";
      case "local":
        return "local:\n  compose_project: demo\n  workdir: work\n";
      default:
        return "";
    }
  }
}
