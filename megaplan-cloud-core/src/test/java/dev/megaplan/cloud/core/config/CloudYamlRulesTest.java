package dev.megaplan.cloud.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.CloudYaml;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of cloud.yaml's reference: the offending YAML, the code, and the exact message. */
class CloudYamlRulesTest {
  private static final String REPO = "repo: {url: u}\n";

  static Stream<Arguments> violations() {
    return Stream.of(
        // document
        rule(
            "document that is a list",
            "- a\n",
            "cloud spec must be a YAML mapping (cloud.yaml:1:1)"),
        rule(
            "document that is a scalar",
            "hello\n",
            "cloud spec must be a YAML mapping (cloud.yaml:1:1)"),
        // provider
        rule(
            "empty provider",
            "provider: ''\n" + REPO,
            "provider must be a non-empty string, got '' (cloud.yaml:1:11)"),
        rule(
            "provider as a list",
            "provider: [a]\n" + REPO,
            "provider must be a non-empty string, got a list (cloud.yaml:1:11)"),
        // mode
        rule(
            "unknown mode",
            "mode: busy\n" + REPO,
            "mode must be one of auto, chain, idle, got 'busy' (cloud.yaml:1:7)"),
        // repo
        rule("missing repo", "provider: railway\n", "repo.url is required (cloud.yaml:1:1)"),
        rule("null repo", "repo: null\n", "repo.url is required (cloud.yaml:1:7)"),
        rule("empty repo", "repo: {}\n", "repo.url is required (cloud.yaml:1:7)"),
        rule(
            "numeric repo.url",
            "repo: {url: 12}\n",
            "repo.url must be a non-empty string, got the number 12 (quote it: '12') (cloud.yaml:1:13)"),
        rule(
            "boolean repo.branch",
            "repo: {url: u, branch: on}\n",
            "repo.branch must be a non-empty string, got the boolean on (quote it: 'on') (cloud.yaml:1:24)"),
        rule(
            "date repo.branch",
            "repo: {url: u, branch: 2024-01-01}\n",
            "repo.branch must be a non-empty string, got the date 2024-01-01 (quote it: '2024-01-01') (cloud.yaml:1:24)"),
        rule(
            "repo not a mapping",
            "repo: https://x\n",
            "repo must be a mapping, got 'https://x' (cloud.yaml:1:7)"),
        rule("missing repo.url", "repo:\n  branch: dev\n", "repo.url is required (cloud.yaml:2:3)"),
        rule(
            "empty repo.url",
            "repo:\n  url: ''\n",
            "repo.url must be a non-empty string, got '' (cloud.yaml:2:8)"),
        rule(
            "empty repo.branch",
            "repo: {url: u, branch: ''}\n",
            "repo.branch must be a non-empty string, got '' (cloud.yaml:1:24)"),
        rule(
            "relative repo.workspace",
            "repo: {url: u, workspace: app}\n",
            "repo.workspace must be an absolute POSIX path (starting with /), got 'app' (cloud.yaml:1:27)"),
        // extra_repos
        rule(
            "extra_repos not a list",
            REPO + "extra_repos: {url: x}\n",
            "extra_repos must be a list, got a mapping (cloud.yaml:2:14)"),
        rule(
            "extra repo not a mapping",
            REPO + "extra_repos: [x]\n",
            "extra_repos[0] must be a mapping, got 'x' (cloud.yaml:2:15)"),
        rule(
            "extra repo without url",
            REPO + "extra_repos:\n  - workspace: /w/b\n",
            "extra_repos[0].url is required (cloud.yaml:3:5)"),
        rule(
            "extra repo without workspace",
            REPO + "extra_repos:\n  - url: b\n",
            "extra_repos[0].workspace is required (cloud.yaml:3:5)"),
        rule(
            "extra repo relative workspace",
            REPO + "extra_repos:\n  - {url: b, workspace: b}\n",
            "extra_repos[0].workspace must be an absolute POSIX path (starting with /), got 'b' (cloud.yaml:3:25)"),
        rule(
            "extra repo colliding with primary",
            REPO + "extra_repos:\n  - {url: b, workspace: /workspace/app/}\n",
            "extra_repos[0].workspace collides with repo.workspace (cloud.yaml:3:25)"),
        rule(
            "extra repo colliding with an earlier one",
            REPO + "extra_repos:\n  - {url: b, workspace: /w/b}\n  - {url: c, workspace: /w//b}\n",
            "extra_repos[1].workspace collides with extra_repos[0].workspace (cloud.yaml:4:25)"),
        // agents
        rule(
            "agents not a mapping",
            REPO + "agents: codex\n",
            "agents must be a mapping, got 'codex' (cloud.yaml:2:9)"),
        rule(
            "unknown agent",
            REPO + "agents: {default: gpt}\n",
            "agents.default must be one of claude, codex, hermes, shannon, got 'gpt' (cloud.yaml:2:19)"),
        rule(
            "unknown step",
            REPO + "agents: {plna: claude}\n",
            "agents.plna is not a megaplan step; use default or one of plan, prep, critique, critique_evaluator, revise, gate, finalize, execute, review, feedback, loop_plan, loop_execute, tiebreaker_researcher, tiebreaker_challenger (cloud.yaml:2:16)"),
        rule(
            "unknown agent for a step",
            REPO + "agents: {execute: bard}\n",
            "agents.execute must be one of claude, codex, hermes, shannon, got 'bard' (cloud.yaml:2:19)"),
        // codex
        rule(
            "empty codex.model",
            REPO + "codex: {model: ''}\n",
            "codex.model must be a non-empty string, got '' (cloud.yaml:2:16)"),
        rule(
            "unknown codex.reasoning",
            REPO + "codex: {reasoning: max}\n",
            "codex.reasoning must be one of minimal, low, medium, high, got 'max' (cloud.yaml:2:20)"),
        // megaplan
        rule(
            "empty megaplan.ref",
            REPO + "megaplan: {ref: ''}\n",
            "megaplan.ref must be a non-empty string, got '' (cloud.yaml:2:17)"),
        rule(
            "empty megaplan.repo",
            REPO + "megaplan: {repo: ''}\n",
            "megaplan.repo must be a non-empty string, got '' (cloud.yaml:2:18)"),
        rule(
            "empty megaplan.install_spec",
            REPO + "megaplan: {install_spec: ' '}\n",
            "megaplan.install_spec must be a non-empty string, got ' ' (cloud.yaml:2:26)"),
        rule(
            "relative megaplan.src_path",
            REPO + "megaplan: {src_path: arnold}\n",
            "megaplan.src_path must be an absolute POSIX path (starting with /), got 'arnold' (cloud.yaml:2:22)"),
        rule(
            "unknown megaplan.codex_auth",
            REPO + "megaplan: {codex_auth: oauth}\n",
            "megaplan.codex_auth must be one of chatgpt, apikey, got 'oauth' (cloud.yaml:2:24)"),
        rule(
            "empty megaplan.command",
            REPO + "megaplan: {command: ''}\n",
            "megaplan.command must be a non-empty string, got '' (cloud.yaml:2:21)"),
        // auto
        rule(
            "auto mode without auto block",
            "mode: auto\n" + REPO,
            "auto.plan_name is required when mode is auto (cloud.yaml:1:7)"),
        rule(
            "auto mode without plan_name",
            "mode: auto\n" + REPO + "auto:\n  idea_file: /i.md\n",
            "auto.plan_name is required when mode is auto (cloud.yaml:4:3)"),
        rule(
            "auto mode without idea_file",
            "mode: auto\n" + REPO + "auto:\n  plan_name: p\n",
            "auto.idea_file is required when mode is auto (cloud.yaml:4:3)"),
        rule(
            "auto mode relative idea_file",
            "mode: auto\n" + REPO + "auto: {plan_name: p, idea_file: i.md}\n",
            "auto.idea_file must be an absolute POSIX path (starting with /), got 'i.md' (cloud.yaml:3:33)"),
        // chain
        rule(
            "chain mode without chain block",
            "mode: chain\n" + REPO,
            "chain.spec is required when mode is chain (cloud.yaml:1:7)"),
        rule(
            "chain mode relative spec",
            "mode: chain\n" + REPO + "chain: {spec: chain.yaml}\n",
            "chain.spec must be an absolute POSIX path (starting with /), got 'chain.yaml' (cloud.yaml:3:15)"),
        rule(
            "empty chain.chain_session",
            "mode: chain\n" + REPO + "chain: {spec: /c.yaml, chain_session: ''}\n",
            "chain.chain_session must be a non-empty string, got '' (cloud.yaml:3:39)"),
        rule(
            "empty chain_session",
            REPO + "chain_session: ''\n",
            "chain_session must be a non-empty string, got '' (cloud.yaml:2:16)"),
        // values that reach commands on the box
        rule(
            "repo.workspace with a trailing slash",
            "repo: {url: u, workspace: /workspace/app/}\n",
            "repo.workspace must be normalised (no empty, '.' or '..' segment, no trailing '/'):"
                + " write /workspace/app, got '/workspace/app/' (cloud.yaml:1:27)"),
        rule(
            "repo.workspace with a dot-dot segment",
            "repo: {url: u, workspace: /workspace/x/../app}\n",
            "repo.workspace must be normalised (no empty, '.' or '..' segment, no trailing '/'):"
                + " write /workspace/app, got '/workspace/x/../app' (cloud.yaml:1:27)"),
        rule(
            "repo.workspace with a line break",
            "repo: {url: u, workspace: \"/w/a\\nb\"}\n",
            "repo.workspace must not contain control characters, found U+000A at position 4"
                + " (cloud.yaml:1:27)"),
        rule(
            "extra repo workspace with a tab",
            REPO + "extra_repos:\n  - {url: b, workspace: \"/w/b\\tc\"}\n",
            "extra_repos[0].workspace must not contain control characters, found U+0009 at"
                + " position 4 (cloud.yaml:3:25)"),
        rule(
            "chain_session with a tmux format",
            REPO + "chain_session: 'x#(touch /tmp/c)'\n",
            "chain_session must use only ASCII letters, digits, '_' and '-' (tmux expands '#' and"
                + " rewrites '.' and ':'), found '#' (U+0023) at position 1, got 'x#(touch"
                + " /tmp/c)' (cloud.yaml:2:16)"),
        rule(
            "chain.chain_session with a dot",
            "mode: chain\n" + REPO + "chain: {spec: /c.yaml, chain_session: a.b}\n",
            "chain.chain_session must use only ASCII letters, digits, '_' and '-' (tmux expands"
                + " '#' and rewrites '.' and ':'), found '.' (U+002E) at position 1, got 'a.b'"
                + " (cloud.yaml:3:39)"),
        rule(
            "railway.session with a space",
            REPO + "railway: {session: 'my session'}\n",
            "railway.session must use only ASCII letters, digits, '_' and '-' (tmux expands '#'"
                + " and rewrites '.' and ':'), found U+0020 at position 2, got 'my session'"
                + " (cloud.yaml:2:20)"),
        rule(
            "host.root with a trailing slash",
            "provider: host\n" + REPO + "host: {root: /boxes/one/}\n",
            "host.root must be normalised (no empty, '.' or '..' segment, no trailing '/'): write"
                + " /boxes/one (after ~ expansion), got '/boxes/one/' (cloud.yaml:3:14)"),
        rule(
            "host.root with a control character",
            "provider: host\n" + REPO + "host: {root: \"/boxes/\\x01\"}\n",
            "host.root must not contain control characters, found U+0001 at position 7"
                + " (cloud.yaml:3:14)"),
        // driver
        rule(
            "zero max_stall_iterations",
            REPO + "driver: {max_stall_iterations: 0}\n",
            "driver.max_stall_iterations must be a positive integer, got 0 (cloud.yaml:2:32)"),
        rule(
            "non-integer max_stall_iterations",
            REPO + "driver: {max_stall_iterations: '5'}\n",
            "driver.max_stall_iterations must be an integer, got '5' (cloud.yaml:2:32)"),
        rule(
            "negative stall_threshold",
            REPO + "driver: {stall_threshold: -2}\n",
            "driver.stall_threshold must be a positive integer, got -2 (cloud.yaml:2:27)"),
        // resources
        rule(
            "port zero",
            REPO + "resources: {port: 0}\n",
            "resources.port must be between 1 and 65535, got 0 (cloud.yaml:2:19)"),
        rule(
            "negative port",
            REPO + "resources: {port: -80}\n",
            "resources.port must be between 1 and 65535, got -80 (cloud.yaml:2:19)"),
        rule(
            "port above 65535",
            REPO + "resources: {port: 65536}\n",
            "resources.port must be between 1 and 65535, got 65536 (cloud.yaml:2:19)"),
        rule(
            "port as a string",
            REPO + "resources: {port: http}\n",
            "resources.port must be an integer, got 'http' (cloud.yaml:2:19)"),
        rule(
            "port as a float",
            REPO + "resources: {port: 80.5}\n",
            "resources.port must be an integer, got the number 80.5 (cloud.yaml:2:19)"),
        rule(
            "empty volume",
            REPO + "resources: {volume: ''}\n",
            "resources.volume must be a non-empty string, got '' (cloud.yaml:2:21)"),
        // railway
        rule(
            "empty railway.service",
            REPO + "railway: {service: ''}\n",
            "railway.service must be a non-empty string, got '' (cloud.yaml:2:20)"),
        rule(
            "empty railway.session",
            REPO + "railway: {session: ''}\n",
            "railway.session must be a non-empty string, got '' (cloud.yaml:2:20)"),
        rule(
            "empty railway.project",
            REPO + "railway: {project: ''}\n",
            "railway.project must be a non-empty string, got '' (cloud.yaml:2:20)"),
        rule(
            "empty railway.environment",
            REPO + "railway: {environment: ''}\n",
            "railway.environment must be a non-empty string, got '' (cloud.yaml:2:24)"),
        rule(
            "railway.api_url not http",
            REPO + "railway: {api_url: 'ftp://x'}\n",
            "railway.api_url must be an http:// or https:// URL, got 'ftp://x' (cloud.yaml:2:20)"),
        // local
        rule(
            "empty local.compose_project",
            REPO + "local: {compose_project: ''}\n",
            "local.compose_project must be a non-empty string, got '' (cloud.yaml:2:26)"),
        rule(
            "empty local.workdir",
            REPO + "local: {workdir: ''}\n",
            "local.workdir must be a non-empty string, got '' (cloud.yaml:2:18)"),
        // ssh
        rule(
            "ssh provider without block",
            "provider: ssh\n" + REPO,
            "ssh.host is required when provider is ssh (cloud.yaml:1:1)"),
        rule(
            "ssh block without host",
            REPO + "ssh:\n  user: me\n",
            "ssh.host is required when the ssh block is given (cloud.yaml:3:3)"),
        rule(
            "empty ssh.user",
            REPO + "ssh: {host: h, user: ''}\n",
            "ssh.user must be a non-empty string, got '' (cloud.yaml:2:22)"),
        rule(
            "ssh.port zero",
            REPO + "ssh: {host: h, port: 0}\n",
            "ssh.port must be between 1 and 65535, got 0 (cloud.yaml:2:22)"),
        rule(
            "ssh.port too large",
            REPO + "ssh: {host: h, port: 70000}\n",
            "ssh.port must be between 1 and 65535, got 70000 (cloud.yaml:2:22)"),
        rule(
            "ssh.port as text",
            REPO + "ssh: {host: h, port: twenty-two}\n",
            "ssh.port must be an integer, got 'twenty-two' (cloud.yaml:2:22)"),
        rule(
            "relative ssh.remote_dir",
            REPO + "ssh: {host: h, remote_dir: tmp}\n",
            "ssh.remote_dir must be an absolute POSIX path (starting with /), got 'tmp' (cloud.yaml:2:28)"),
        rule(
            "empty ssh.container",
            REPO + "ssh: {host: h, container: ''}\n",
            "ssh.container must be a non-empty string, got '' (cloud.yaml:2:27)"),
        // host
        rule(
            "relative host.root",
            REPO + "host: {root: boxes}\n",
            "host.root must be an absolute path (after ~ expansion), got 'boxes' (cloud.yaml:2:14)"),
        // secrets
        rule(
            "secrets as a string",
            REPO + "secrets: OPENAI_API_KEY\n",
            "secrets must be a list of strings, got 'OPENAI_API_KEY' (cloud.yaml:2:10)"),
        rule(
            "secrets with a mapping item",
            REPO + "secrets:\n  - A\n  - {B: c}\n",
            "secrets must be a list of strings; secrets[1] is a mapping (cloud.yaml:4:5)"),
        rule(
            "secrets with an empty item",
            REPO + "secrets: ['']\n",
            "secrets must be a list of strings; secrets[0] is '' (cloud.yaml:2:11)"),
        rule(
            "numeric codex.model",
            REPO + "codex: {model: 1}\n",
            "codex.model must be a non-empty string, got the number 1 (quote it: '1') (cloud.yaml:2:16)"),
        rule(
            "octal megaplan.ref",
            REPO + "megaplan: {ref: 0123}\n",
            "megaplan.ref must be a non-empty string, got the number 0123 (quote it: '0123') (cloud.yaml:2:17)"),
        rule(
            "numeric secret name",
            REPO + "secrets: [OPENAI_API_KEY, 5]\n",
            "secrets must be a list of strings; secrets[1] is the number 5 (cloud.yaml:2:27)"),
        rule(
            "null extra repo",
            REPO + "extra_repos: [~]\n",
            "extra_repos[0].url is required (cloud.yaml:2:15)"),
        rule(
            "numeric chain.chain_session in chain mode",
            "mode: chain\n" + REPO + "chain: {spec: /s.yaml, chain_session: 7}\n",
            "chain.chain_session must be a non-empty string, got the number 7 (quote it: '7') (cloud.yaml:3:39)"),
        rule(
            "numeric toolchain name",
            REPO + "toolchains:\n  - {name: 5, install: RUN x}\n",
            "toolchains[0].name must be a non-empty string, got the number 5 (quote it: '5') (cloud.yaml:3:12)"),
        // toolchains
        rule(
            "toolchains not a list",
            REPO + "toolchains: rust\n",
            "toolchains must be a list, got 'rust' (cloud.yaml:2:13)"),
        rule(
            "unknown toolchain alias",
            REPO + "toolchains: [ruby]\n",
            "toolchains[0] must be one of rust, go, java or a {name, install} mapping, got 'ruby' (cloud.yaml:2:14)"),
        rule(
            "custom toolchain without install",
            REPO + "toolchains:\n  - name: zig\n",
            "toolchains[0].install is required (cloud.yaml:3:5)"),
        rule(
            "custom toolchain with empty name",
            REPO + "toolchains:\n  - {name: '', install: RUN x}\n",
            "toolchains[0].name must be a non-empty string, got '' (cloud.yaml:3:12)"),
        rule(
            "toolchain as a list",
            REPO + "toolchains: [[rust]]\n",
            "toolchains[0] must be a toolchain alias or a {name, install} mapping, got a list (cloud.yaml:2:14)"));
  }

  private static Arguments rule(String name, String yaml, String message) {
    return Arguments.of(name, yaml, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void violationIsInvalidSpecNamingTheFieldAndItsPosition(
      String name, String yaml, String message) {
    CloudException e =
        assertThrows(
            CloudException.class,
            () -> CloudYaml.loader().homeDirectory(Path.of("/home/t")).parse(yaml));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertEquals(message, e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void flyIsAFutureProvider() {
    CloudException e =
        assertThrows(CloudException.class, () -> CloudYaml.parse("provider: fly\n" + REPO));
    assertEquals(ErrorCode.FUTURE_PROVIDER, e.code());
    assertEquals(
        "provider 'fly' is reserved for a future release (cloud.yaml:1:11)", e.getMessage());
  }
}
