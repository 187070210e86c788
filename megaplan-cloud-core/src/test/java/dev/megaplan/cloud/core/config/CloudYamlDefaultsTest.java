package dev.megaplan.cloud.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.config.Agent;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.CodexAuth;
import dev.megaplan.cloud.api.config.CodexReasoning;
import dev.megaplan.cloud.api.config.Mode;
import dev.megaplan.cloud.core.CloudYaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudYamlDefaultsTest {
  private static final Path HOME = Path.of("/home/tester");

  private static CloudConfig minimal() {
    return CloudYaml.loader()
        .homeDirectory(HOME)
        .parse("repo:\n  url: https://github.com/acme/web-app.git\n");
  }

  @Test
  void providerDefaultsToRailway() {
    assertEquals("railway", minimal().provider());
  }

  @Test
  void modeDefaultsToIdle() {
    assertEquals(Mode.IDLE, minimal().mode());
  }

  @Test
  void repoBranchAndWorkspaceDefaultAndWorkspaceIsNotExplicit() {
    CloudConfig config = minimal();
    assertEquals("https://github.com/acme/web-app.git", config.repo().url());
    assertEquals("main", config.repo().branch());
    assertEquals("/workspace/app", config.repo().workspace());
    assertFalse(config.repo().workspaceExplicit());
  }

  @Test
  void writtenWorkspaceIsExplicit() {
    CloudConfig config = CloudYaml.parse("repo:\n  url: u\n  workspace: /workspace/app\n");
    assertTrue(config.repo().workspaceExplicit());
  }

  @Test
  void listsDefaultToEmpty() {
    CloudConfig config = minimal();
    assertEquals(List.of(), config.extraRepos());
    assertEquals(List.of(), config.secrets());
    assertEquals(List.of(), config.toolchains());
  }

  @Test
  void agentsDefaultToCodexForEveryStep() {
    CloudConfig config = minimal();
    assertEquals(Agent.CODEX, config.agents().defaultAgent());
    assertEquals(Agent.CODEX, config.agents().agentFor("execute"));
    assertTrue(config.agents().steps().isEmpty());
  }

  @Test
  void codexDefaults() {
    CloudConfig config = minimal();
    assertEquals("gpt-5.4", config.codex().model());
    assertEquals(CodexReasoning.HIGH, config.codex().reasoning());
  }

  @Test
  void megaplanDefaults() {
    CloudConfig config = minimal();
    assertEquals("main", config.megaplan().ref());
    assertEquals(Optional.empty(), config.megaplan().repo());
    assertEquals(Optional.empty(), config.megaplan().installSpec());
    assertEquals("/workspace/arnold", config.megaplan().srcPath());
    assertEquals(CodexAuth.CHATGPT, config.megaplan().codexAuth());
    assertEquals("python -m arnold.pipelines.megaplan", config.megaplan().command());
  }

  @Test
  void modeBlocksAreAbsentOutsideTheirMode() {
    CloudConfig config =
        CloudYaml.parse("repo: {url: u}\nauto: {plan_name: p}\nchain: {spec: relative}\n");
    assertEquals(Optional.empty(), config.auto());
    assertEquals(Optional.empty(), config.chain());
  }

  @Test
  void chainSessionIsDerivedByDefault() {
    CloudConfig config = minimal();
    assertEquals(Optional.empty(), config.chainSession());
    assertEquals("megaplan-chain", config.effectiveChainSession());
  }

  @Test
  void driverHasNoOverrideByDefault() {
    assertTrue(minimal().driver().maxStallIterations().isEmpty());
  }

  @Test
  void resourcesDefaults() {
    CloudConfig config = minimal();
    assertEquals(Optional.empty(), config.resources().volume());
    assertEquals(8080, config.resources().port());
  }

  @Test
  void railwayDefaults() {
    CloudConfig config = minimal();
    assertEquals("agent", config.railway().service());
    assertEquals("agent", config.railway().session());
    assertEquals(Optional.empty(), config.railway().project());
    assertEquals(Optional.empty(), config.railway().environment());
    assertEquals("https://backboard.railway.com/graphql/v2", config.railway().apiUrl());
  }

  @Test
  void providerBlocksAreAbsentForOtherProviders() {
    CloudConfig config = minimal();
    assertEquals(Optional.empty(), config.local());
    assertEquals(Optional.empty(), config.ssh());
    assertEquals(Optional.empty(), config.host());
  }

  @Test
  void localDefaultsWhenProviderIsLocal() {
    CloudConfig config = CloudYaml.parse("provider: local\nrepo: {url: u}\n");
    assertEquals("megaplan-cloud", config.local().orElseThrow().composeProject());
    assertEquals("workspace", config.local().orElseThrow().workdir());
  }

  @Test
  void localDefaultsWhenTheBlockIsGivenForAnotherProvider() {
    CloudConfig config = CloudYaml.parse("repo: {url: u}\nlocal: {workdir: data}\n");
    assertEquals("megaplan-cloud", config.local().orElseThrow().composeProject());
    assertEquals("data", config.local().orElseThrow().workdir());
  }

  @Test
  void sshDefaults() {
    CloudConfig config =
        CloudYaml.loader()
            .homeDirectory(HOME)
            .parse("provider: ssh\nrepo: {url: u}\nssh: {host: box.example}\n");
    var ssh = config.ssh().orElseThrow();
    assertEquals("box.example", ssh.host());
    assertEquals(Optional.empty(), ssh.user());
    assertEquals(22, ssh.port());
    assertEquals(Optional.empty(), ssh.identityFile());
    assertEquals("/tmp/megaplan-cloud", ssh.remoteDir());
    assertEquals("megaplan-cloud-agent", ssh.container());
    assertEquals("/home/tester/.ssh/known_hosts", ssh.knownHosts());
  }

  @Test
  void sshTildePathsExpandAgainstTheInjectedHome() {
    CloudConfig config =
        CloudYaml.loader()
            .homeDirectory(HOME)
            .parse(
                "provider: ssh\nrepo: {url: u}\nssh: {host: h, identity_file: ~/.ssh/id_ed25519,"
                    + " known_hosts: ~/kh}\n");
    assertEquals("/home/tester/.ssh/id_ed25519", config.ssh().orElseThrow().identityFile().get());
    assertEquals("/home/tester/kh", config.ssh().orElseThrow().knownHosts());
  }

  @Test
  void hostRootDefaultsUnderHomeNamedAfterTheRepoDirectory() {
    CloudConfig config =
        CloudYaml.loader()
            .homeDirectory(HOME)
            .parse("provider: host\nrepo: {url: 'git@github.com:acme/Web App.git'}\n");
    assertEquals("/home/tester/.megaplan/cloud/host/web-app", config.host().orElseThrow().root());
  }

  @Test
  void hostRootTildeExpandsAgainstTheInjectedHome() {
    CloudConfig config =
        CloudYaml.loader()
            .homeDirectory(HOME)
            .parse("provider: host\nrepo: {url: u}\nhost: {root: ~/boxes/one}\n");
    assertEquals("/home/tester/boxes/one", config.host().orElseThrow().root());
  }

  @Test
  void autoBlockIsReadInAutoModeWithRobustnessDefault() {
    CloudConfig config =
        CloudYaml.parse(
            "mode: auto\nrepo: {url: u}\nauto: {plan_name: p1, idea_file: /workspace/app/i.md}\n");
    assertEquals("p1", config.auto().orElseThrow().planName());
    assertEquals("/workspace/app/i.md", config.auto().orElseThrow().ideaFile());
    assertEquals("standard", config.auto().orElseThrow().robustness());
  }

  @Test
  void chainBlockIsReadInChainMode() {
    CloudConfig config =
        CloudYaml.parse("mode: chain\nrepo: {url: u}\nchain: {spec: /workspace/app/chain.yaml}\n");
    assertEquals("/workspace/app/chain.yaml", config.chain().orElseThrow().spec());
    assertEquals(Optional.empty(), config.chainSession());
  }

  @Test
  void chainSessionFromTheChainBlockIsExplicit() {
    CloudConfig config =
        CloudYaml.parse(
            "mode: chain\nrepo: {url: u}\nchain: {spec: /s.yaml, chain_session: runner-a}\n");
    assertEquals(Optional.of("runner-a"), config.chainSession());
    assertEquals("runner-a", config.effectiveChainSession());
  }

  @Test
  void topLevelChainSessionWinsOverTheChainBlock() {
    CloudConfig config =
        CloudYaml.parse(
            "mode: chain\nchain_session: top\nrepo: {url: u}\n"
                + "chain: {spec: /s.yaml, chain_session: inner}\n");
    assertEquals("top", config.effectiveChainSession());
  }

  @Test
  void stringFieldsKeepTheTextAsWritten() {
    CloudConfig config = CloudYaml.parse("repo: {url: u, branch: '0123'}\nmegaplan: {ref: 1e10}\n");
    assertEquals("0123", config.repo().branch());
    // PyYAML reads 1e10 (no dot) as text, so the Python tool takes it as a ref
    assertEquals("1e10", config.megaplan().ref());
  }

  @Test
  void nullValuesReadAsAbsent() {
    CloudConfig config = CloudYaml.parse("repo: {url: u, branch: ~}\nsecrets:\nssh:\n");
    assertEquals("main", config.repo().branch());
    assertEquals(List.of(), config.secrets());
    assertEquals(Optional.empty(), config.ssh());
  }
}
