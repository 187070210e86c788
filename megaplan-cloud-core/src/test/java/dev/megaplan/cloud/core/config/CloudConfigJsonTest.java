package dev.megaplan.cloud.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.internal.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code config show --json}: snake_case names, defaults filled in, unset values as null. */
class CloudConfigJsonTest {
  private static JsonNode render(String yaml) {
    CloudConfig config = CloudYaml.loader().homeDirectory(Path.of("/home/t")).parse(yaml);
    return Json.tree(config);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void topLevelFieldsUseTheFilesNamesInTheReferenceOrder() {
    assertEquals(
        List.of(
            "provider",
            "mode",
            "repo",
            "extra_repos",
            "agents",
            "codex",
            "megaplan",
            "auto",
            "chain",
            "chain_session",
            "driver",
            "resources",
            "railway",
            "local",
            "ssh",
            "host",
            "kubernetes",
            "secrets",
            "toolchains",
            "image"),
        names(render("repo: {url: u}\n")));
  }

  @Test
  void defaultsAreFilledIn() {
    JsonNode tree = render("repo: {url: u}\n");
    assertEquals("railway", tree.get("provider").asText());
    assertEquals("idle", tree.get("mode").asText());
    assertEquals("codex", tree.get("agents").get("default").asText());
    assertEquals("high", tree.get("codex").get("reasoning").asText());
    assertEquals("chatgpt", tree.get("megaplan").get("codex_auth").asText());
    assertEquals("/workspace/arnold", tree.get("megaplan").get("src_path").asText());
    assertEquals(8080, tree.get("resources").get("port").asInt());
    assertEquals("agent", tree.get("railway").get("service").asText());
  }

  @Test
  void unsetOptionalValuesRenderAsNull() {
    JsonNode tree = render("repo: {url: u}\n");
    assertTrue(tree.get("megaplan").get("repo").isNull());
    assertTrue(tree.get("megaplan").get("install_spec").isNull());
    assertTrue(tree.get("resources").get("volume").isNull());
    assertTrue(tree.get("railway").get("project").isNull());
    assertTrue(tree.get("driver").get("max_stall_iterations").isNull());
    assertTrue(tree.get("chain_session").isNull());
  }

  @Test
  void blocksThatDoNotApplyRenderAsNull() {
    JsonNode tree = render("repo: {url: u}\n");
    for (String block : List.of("auto", "chain", "local", "ssh", "host", "kubernetes")) {
      assertTrue(tree.get(block).isNull(), block + " should be null: " + tree.get(block));
    }
  }

  @Test
  void agentOverridesRenderFlatBesideTheDefault() {
    JsonNode agents =
        render("repo: {url: u}\nagents: {default: hermes, plan: claude}\n").get("agents");
    assertEquals(List.of("default", "plan"), names(agents));
    assertEquals("hermes", agents.get("default").asText());
    assertEquals("claude", agents.get("plan").asText());
  }

  @Test
  void toolchainsRenderAsWritten() {
    JsonNode toolchains =
        render("repo: {url: u}\ntoolchains: [rust, {name: zig, install: RUN z}]\n")
            .get("toolchains");
    assertEquals("rust", toolchains.get(0).asText());
    assertEquals("zig", toolchains.get(1).get("name").asText());
    assertEquals("RUN z", toolchains.get(1).get("install").asText());
  }

  @Test
  void sshBlockRendersEveryFieldSnakeCase() {
    JsonNode ssh = render("provider: ssh\nrepo: {url: u}\nssh: {host: h, port: 2222}\n").get("ssh");
    assertEquals(
        List.of("host", "user", "port", "identity_file", "remote_dir", "container", "known_hosts"),
        names(ssh));
    assertEquals(2222, ssh.get("port").asInt());
    assertEquals("/home/t/.ssh/known_hosts", ssh.get("known_hosts").asText());
  }

  @Test
  void driverOverrideRendersAsANumber() {
    assertEquals(
        7,
        render("repo: {url: u}\ndriver: {stall_threshold: 7}\n")
            .get("driver")
            .get("max_stall_iterations")
            .asInt());
  }

  @Test
  void secretsRenderAsNamesAndTheSourceIsNotRendered() {
    JsonNode tree = render("repo: {url: u}\nsecrets: [OPENAI_API_KEY]\n");
    assertEquals("OPENAI_API_KEY", tree.get("secrets").get(0).asText());
    assertTrue(tree.get("source") == null);
    assertTrue(tree.get("repo").get("workspace_explicit") == null);
    assertEquals(List.of("url", "branch", "workspace"), names(tree.get("repo")));
  }

  @Test
  void chainModeRendersTheChainBlock() {
    JsonNode chain =
        render("mode: chain\nrepo: {url: u}\nchain: {spec: /w/chain.yaml}\n").get("chain");
    assertEquals("/w/chain.yaml", chain.get("spec").asText());
    assertTrue(chain.get("chain_session").isNull());
  }
}
