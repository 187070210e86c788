package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.providers.kubernetes.KubernetesProvider;
import dev.megaplan.cloud.testkit.EmulatorLauncher;
import dev.megaplan.cloud.testkit.kubernetes.KubernetesStandIn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubernetes provider end to end, through the command line, on the Kubernetes API stand-in: the
 * kubeconfig in the session's home points at it, deploy creates the StatefulSet and waits for its
 * pod, and every command on the pod is a real process in the pod's root (tmux, git, the megaplan
 * emulator), reached through fabric8's exec WebSocket.
 */
@Timeout(300)
class KubernetesChainEndToEndTest {
  static final String SECRET = "pl4nted-e2e-k8s-secret-909";
  static final String NS = "agents";
  static final String POD = "megaplan-runner-0";

  @TempDir Path dir;
  KubernetesStandIn standIn;
  Path project;
  Path tmuxDir;
  Map<String, String> boxEnv = new HashMap<>();
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    project = dir.resolve("project");
    tmuxDir = Files.createDirectories(dir.resolve("tmux"));
    Files.createDirectories(project.resolve("briefs"));
    Path pods = dir.resolve("pods");
    boxEnv.put("PATH", System.getenv("PATH"));
    boxEnv.put("LANG", "C.UTF-8");
    boxEnv.put("HOME", pods.resolve(NS).resolve(POD).toString());
    boxEnv.put("TMUX_TMPDIR", tmuxDir.toString());
    standIn = KubernetesStandIn.start(pods, boxEnv);
    Path root = standIn.podRoot(NS, POD);
    standIn.writeKubeconfig(project.resolve("home/.kube/config"), "e2e", NS);
    Path origin = dir.resolve("origin");
    run(List.of("git", "init", "-q", "-b", "main", origin.toString()));
    run(
        List.of(
            "git",
            "-C",
            origin.toString(),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.invalid",
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "initial"));
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", project.resolve("home").toString());
    env.put("LANG", "C.UTF-8");
    env.put("E2E_TOKEN", SECRET);
    env.put(KubernetesProvider.WORKSPACE_ROOT_VARIABLE, root.toString());
    Files.writeString(
        project.resolve("cloud.yaml"),
        "provider: kubernetes\n"
            + "repo:\n  url: "
            + origin
            + "\n  branch: main\n"
            + "agents: {default: hermes}\n"
            + "secrets: [E2E_TOKEN]\n"
            + "image: {ref: registry.example.com/team/megaplan-runner:1}\n"
            + "megaplan:\n  codex_auth: apikey\n  command: \""
            + EmulatorLauncher.command().replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    tmux("kill-server");
    standIn.close();
  }

  private CliRun cli(String... args) {
    return CliRun.in(project, env, "", args);
  }

  private void chainSpec(int stepMs) throws IOException {
    Files.writeString(
        project.resolve("briefs/chain.yaml"),
        "milestones:\n"
            + "  - {label: m1, idea: m1.md}\n"
            + "  - {label: m2, idea: m2.md}\n"
            + "  - {label: m3, idea: m3.md}\n"
            + "emulator:\n  step_ms: "
            + stepMs
            + "\n");
    for (String m : List.of("m1", "m2", "m3")) {
      Files.writeString(project.resolve("briefs/" + m + ".md"), "# " + m + "\n");
    }
  }

  private JsonNode statusUntil(Predicate<JsonNode> done, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      CliRun status = cli("status", "--chain");
      if (status.exit == 0) {
        last = status.json();
        if (done.test(last)) {
          return last;
        }
      } else {
        last = null;
      }
      Thread.sleep(200);
    }
    fail("status never matched; last: " + last);
    return last;
  }

  private static Predicate<JsonNode> effective(String status) {
    return json -> status.equals(json.path("effective_status").asText());
  }

  @Test
  void aChainDeploysLaunchesIsSupervisedAfterItsRunnerDiesAndCompletes() throws Exception {
    CliRun deploy = cli("deploy");
    assertEquals(0, deploy.exit, deploy.toString());
    assertEquals("cloud_deploy", deploy.json().path("event").asText());
    assertEquals("agents/megaplan-runner-0", deploy.json().path("service").asText());
    assertTrue(deploy.err.contains("apply statefulset"), deploy.err);

    chainSpec(4000);
    CliRun launch = cli("chain", "briefs/chain.yaml");
    assertEquals(0, launch.exit, launch.toString());
    assertEquals("cloud_chain_launched", launch.json().path("event").asText());
    String session = launch.json().path("tmux").path("session").asText();

    JsonNode running = statusUntil(effective("running"), Duration.ofSeconds(60));
    assertEquals("consistent", running.path("provider_consistency").path("status").asText());

    tmux("kill-session", "-t", "=" + session);
    JsonNode stale = statusUntil(effective("stale_bookkeeping"), Duration.ofSeconds(60));
    assertEquals("dead", stale.path("runner").path("status").asText());

    CliRun tick = cli("supervise", "--chain");
    assertEquals(0, tick.exit, tick.toString());
    assertEquals("supervisor_restarted", tick.json().path("event").asText());
    assertTrue(tick.json().path("acted").asBoolean());

    long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    while (!"done".equals(cli("supervise", "--chain").json().path("next_action").asText())) {
      if (System.nanoTime() > deadline) {
        fail("the supervisor never saw the chain complete");
      }
      Thread.sleep(500);
    }
    JsonNode complete = statusUntil(effective("complete"), Duration.ofSeconds(20));
    assertEquals(3, complete.path("chain_state").path("current_milestone_index").asInt());

    String encoded = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
    for (KubernetesStandIn.Exec exec : standIn.execs()) {
      assertFalse(String.join(" ", exec.command()).contains(SECRET), exec.toString());
    }
    for (String request : standIn.requests()) {
      assertFalse(request.contains(SECRET) || request.contains(encoded), request);
    }
    assertFalse(deploy.out.contains(SECRET) || deploy.err.contains(SECRET), deploy.toString());
    StatefulSet set =
        standIn.client().apps().statefulSets().inNamespace(NS).withName("megaplan-runner").get();
    String setJson = standIn.client().getKubernetesSerialization().asJson(set);
    assertFalse(setJson.contains(SECRET) || setJson.contains(encoded), setJson);
    assertEquals(
        encoded,
        standIn
            .client()
            .secrets()
            .inNamespace(NS)
            .withName("megaplan-runner-secrets")
            .get()
            .getData()
            .get("E2E_TOKEN"),
        "the value lives in the Secret");
  }

  @Test
  void execRelaysTheExitCodeAndKeepsStderrApart() {
    assertEquals(0, cli("deploy").exit);
    CliRun run = cli("exec", "echo", "out;", "echo", "err", ">&2;", "exit", "5");
    assertEquals(5, run.exit, run.toString());
    assertEquals("out\n", run.out);
    assertTrue(run.err.contains("err"), run.toString());
    assertFalse(run.out.contains("err"), run.toString());
  }

  @Test
  void printManifestsAppliesNothingAndPrintsObjectsFabric8ParsesBack() {
    CliRun printed = cli("deploy", "--print-manifests");
    assertEquals(0, printed.exit, printed.toString());
    assertFalse(printed.out.contains(SECRET), printed.out);
    List<HasMetadata> objects =
        standIn
            .client()
            .load(new ByteArrayInputStream(printed.out.getBytes(StandardCharsets.UTF_8)))
            .items();
    assertEquals(
        List.of("Role", "Secret", "StatefulSet"),
        objects.stream().map(HasMetadata::getKind).toList());
    assertNull(
        standIn.client().apps().statefulSets().inNamespace(NS).withName("megaplan-runner").get());
    assertTrue(standIn.requests().isEmpty(), standIn.requests().toString());
  }

  @Test
  void logsDownAndDestroyThroughTheCommandLine() throws Exception {
    assertEquals(0, cli("deploy").exit);
    standIn.appendLog(
        NS, POD, Instant.parse("2026-12-04T10:00:00Z"), "runner line token=" + SECRET);
    CliRun logs = cli("logs", "--no-follow");
    assertEquals(0, logs.exit, logs.toString());
    assertEquals("runner line token=***REDACTED***\n", logs.out);

    assertEquals(0, cli("down").exit);
    assertEquals(
        0,
        standIn
            .client()
            .apps()
            .statefulSets()
            .inNamespace(NS)
            .withName("megaplan-runner")
            .get()
            .getSpec()
            .getReplicas());
    CliRun destroy = cli("destroy", "--yes");
    assertEquals(0, destroy.exit, destroy.toString());
    assertEquals("agents/megaplan-runner-0", destroy.json().path("service").asText());
    assertNull(
        standIn.client().apps().statefulSets().inNamespace(NS).withName("megaplan-runner").get());
    assertNull(
        standIn.client().secrets().inNamespace(NS).withName("megaplan-runner-secrets").get());
    assertNotNull(
        standIn
            .client()
            .persistentVolumeClaims()
            .inNamespace(NS)
            .withName("workspace-megaplan-runner-0")
            .get(),
        "no resources.volume: the workspace claim stays");
  }

  @Test
  void withoutAKubeconfigCommandsFailWithTheFix() throws Exception {
    Files.delete(project.resolve("home/.kube/config"));
    CliRun status = cli("exec", "true");
    assertEquals(1, status.exit, status.toString());
    assertEquals("provider_unavailable", status.json().path("error").asText(), status.toString());
    assertTrue(status.json().path("message").asText().contains("KUBECONFIG"), status.toString());
  }

  private void tmux(String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add("tmux");
    builder.command().addAll(List.of(args));
    builder.environment().put("TMUX_TMPDIR", tmuxDir.toString());
    builder.environment().remove("TMUX");
    Process process =
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("timed out: tmux " + List.of(args));
    }
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("timed out: " + command);
    }
  }
}
