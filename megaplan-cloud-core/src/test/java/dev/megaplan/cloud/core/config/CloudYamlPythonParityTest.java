package dev.megaplan.cloud.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.LoadedConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cloud.yaml files written for the Python tool load and mean the same here: nulls, YAML 1.1 scalar
 * typing (PyYAML's), which chain session counts, the stall alias, and the order of the checks.
 */
class CloudYamlPythonParityTest {
  private static final String REPO = "repo: {url: u}\n";

  private static CloudException failure(String yaml) {
    return assertThrows(CloudException.class, () -> CloudYaml.parse(yaml));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "~\n", "---\n", "null\n", "# only a comment\n", "--- ~\n"})
  void anEmptyDocumentIsAnEmptyMapping(String yaml) {
    CloudException e = failure(yaml);
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertEquals("repo.url is required", e.getMessage().replaceFirst(" \\(cloud\\.yaml.*$", ""));
  }

  @Test
  void nullOptionalFieldsAndBlocksReadAsAbsent() {
    CloudConfig config =
        CloudYaml.parse(
            "provider: null\nmode: ~\nrepo: {url: u, branch: null}\nextra_repos: null\n"
                + "codex: {model: null, reasoning: ~}\nagents: null\nmegaplan: null\n"
                + "resources: {volume: null, port: null}\nssh: null\nsecrets: null\n"
                + "toolchains: ~\ndriver: null\nunknown: null\n");
    CloudConfig defaults = CloudYaml.parse(REPO + "unknown: 1\n");
    assertEquals(defaults, config);
  }

  @Test
  void nullIsTheDefaultWhereThePythonToolWouldSayRequired() {
    // a documented difference: the Python tool refuses these nulls
    CloudConfig config =
        CloudYaml.parse(
            "repo: {url: u, workspace: null}\nmegaplan: {src_path: ~}\nagents: {plan: null}\n"
                + "ssh: {host: h, remote_dir: null}\n");
    assertEquals("/workspace/app", config.repo().workspace());
    assertEquals(false, config.repo().workspaceExplicit());
    assertEquals("/workspace/arnold", config.megaplan().srcPath());
    assertEquals(Map.of(), config.agents().steps());
    assertEquals("/tmp/megaplan-cloud", config.ssh().orElseThrow().remoteDir());
  }

  @Test
  void aBooleanIsNotAPort() {
    assertEquals(
        "ssh.port must be an integer, got the boolean true (cloud.yaml:2:22)",
        failure(REPO + "ssh: {host: h, port: true}\n").getMessage());
  }

  @Test
  void anEmptySshBlockIsNoSshBlockUnlessTheProviderIsSsh() {
    assertEquals(Optional.empty(), CloudYaml.parse(REPO + "ssh: {}\n").ssh());
    assertEquals(Optional.empty(), CloudYaml.parse(REPO + "local: {}\n").local());
    CloudException e = failure("provider: ssh\n" + REPO + "ssh: {}\n");
    assertEquals("ssh.host is required when provider is ssh (cloud.yaml:1:1)", e.getMessage());
  }

  @Test
  void chainChainSessionIsReadOnlyInChainMode() {
    CloudConfig idle = CloudYaml.parse(REPO + "chain: {spec: /s.yaml, chain_session: runner-a}\n");
    assertEquals(Optional.empty(), idle.chainSession());
    assertEquals("megaplan-chain", idle.effectiveChainSession());
    // not even checked outside chain mode, as in the Python tool
    assertEquals(
        Optional.empty(), CloudYaml.parse(REPO + "chain: {chain_session: 7}\n").chainSession());
    CloudConfig chain =
        CloudYaml.parse(
            "mode: chain\n" + REPO + "chain: {spec: /s.yaml, chain_session: runner-a}\n");
    assertEquals(Optional.of("runner-a"), chain.chainSession());
  }

  @Test
  void aNullTopLevelChainSessionStillCountsAsExplicit() {
    assertEquals(
        Optional.of("megaplan-chain"),
        CloudYaml.parse(REPO + "chain_session: null\n").chainSession());
    assertEquals(
        Optional.of("inner"),
        CloudYaml.parse(
                "mode: chain\nchain_session: ~\n"
                    + REPO
                    + "chain: {spec: /s.yaml, chain_session: inner}\n")
            .chainSession());
  }

  @Test
  void maxStallIterationsWinsOverItsAliasWithAWarning() {
    LoadedConfig loaded =
        CloudYaml.loader()
            .inspect(
                REPO + "driver: {max_stall_iterations: 4, stall_threshold: 6}\n", "cloud.yaml");
    assertEquals(OptionalInt.of(4), loaded.config().driver().maxStallIterations());
    assertEquals(
        List.of(
            "driver.stall_threshold (cloud.yaml:2:52) is ignored: driver.max_stall_iterations is"
                + " read first"),
        loaded.warnings());
    // written as null, max_stall_iterations still hides the alias
    assertEquals(
        OptionalInt.empty(),
        CloudYaml.parse(REPO + "driver: {max_stall_iterations: null, stall_threshold: 6}\n")
            .driver()
            .maxStallIterations());
    assertEquals(
        OptionalInt.of(6),
        CloudYaml.parse(REPO + "driver: {stall_threshold: 6}\n").driver().maxStallIterations());
  }

  @Test
  void scalarsAreTypedAsPyYamlTypesThem() {
    // 022 is octal in YAML 1.1; 1_000 an integer; 1e3 (no dot) and 08 text
    CloudConfig config =
        CloudYaml.parse(
            "repo: {url: u, branch: 08}\nssh: {host: h, port: 022}\nresources: {port: 8_080}\n"
                + "codex: {model: 1e3}\n");
    assertEquals(18, config.ssh().orElseThrow().port());
    assertEquals(8080, config.resources().port());
    assertEquals("08", config.repo().branch());
    assertEquals("1e3", config.codex().model());
  }

  @Test
  void checksRunInThePythonToolsOrder() {
    // provider, repo, extra_repos, codex (reasoning before model), mode, agents, megaplan
    // (codex_auth first), resources, railway, local, ssh, auto/chain, driver, chain_session,
    // secrets, toolchains
    assertEquals(ErrorCode.FUTURE_PROVIDER, failure("provider: fly\nmode: busy\n").code());
    assertEquals(
        "repo.url is required (cloud.yaml:1:1)",
        failure("mode: busy\nsecrets: [5]\n").getMessage());
    assertEquals(
        "codex.reasoning must be one of minimal, low, medium, high, got 'max' (cloud.yaml:2:30)",
        failure(REPO + "codex: {model: 1, reasoning: max}\nmode: busy\n").getMessage());
    assertEquals(
        "mode must be one of auto, chain, idle, got 'busy' (cloud.yaml:1:7)",
        failure("mode: busy\n" + REPO + "agents: {default: gpt}\n").getMessage());
    assertEquals(
        "megaplan.codex_auth must be one of chatgpt, apikey, got 'key' (cloud.yaml:2:32)",
        failure(REPO + "megaplan: {ref: 1, codex_auth: key}\n").getMessage());
    assertEquals(
        "ssh.port must be an integer, got 'x' (cloud.yaml:2:22)",
        failure(REPO + "ssh: {host: h, port: x}\nmode: auto\nsecrets: [5]\n").getMessage());
    assertEquals(
        "auto.plan_name is required when mode is auto (cloud.yaml:3:7)",
        failure(REPO + "mode: auto\nauto: {idea_file: /i}\ndriver: {max_stall_iterations: x}\n")
            .getMessage());
    assertEquals(
        "driver.max_stall_iterations must be an integer, got 'x' (cloud.yaml:2:32)",
        failure(REPO + "driver: {max_stall_iterations: x}\nchain_session: 5\n").getMessage());
    assertEquals(
        "chain_session must be a non-empty string, got the number 5 (quote it: '5')"
            + " (cloud.yaml:2:16)",
        failure(REPO + "chain_session: 5\nsecrets: oops\ntoolchains: 5\n").getMessage());
    assertEquals(
        "secrets must be a list of strings, got 'oops' (cloud.yaml:2:10)",
        failure(REPO + "secrets: oops\ntoolchains: 5\n").getMessage());
  }
}
