package dev.megaplan.cloud.testkit.kubernetes;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployRequest;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.providers.kubernetes.KubernetesProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Kubernetes "box" for tests: the API stand-in on loopback with a kubeconfig in a temp home
 * pointing at it, the pod's commands running as real processes in the pod's root (with a private
 * tmux server through {@code TMUX_TMPDIR}), and the real {@link KubernetesProvider} with {@code
 * /workspace} moved to that root.
 */
final class KubernetesBox implements AutoCloseable {
  static final String NAMESPACE = "agents";
  static final String POD = "megaplan-runner-0";

  final Path home;
  final Path tmux;
  final Map<String, String> boxEnv = new HashMap<>();
  final Map<String, String> env = new HashMap<>();
  final KubernetesStandIn standIn;
  final Path root;
  InputStream terminalIn = new ByteArrayInputStream(new byte[0]);
  OutputStream terminalOut = new ByteArrayOutputStream();
  Duration rolloutTimeout = Duration.ofSeconds(30);

  KubernetesBox(Path dir) throws IOException {
    home = Files.createDirectories(dir.resolve("home"));
    tmux = Files.createDirectories(dir.resolve("tmux"));
    Path pods = Files.createDirectories(dir.resolve("pods"));
    boxEnv.put("PATH", System.getenv("PATH"));
    boxEnv.put("LANG", "C.UTF-8");
    boxEnv.put("TMUX_TMPDIR", tmux.toString());
    boxEnv.put("TERM", "xterm");
    boxEnv.put("HOME", pods.resolve(NAMESPACE).resolve(POD).toString());
    standIn = KubernetesStandIn.start(pods, boxEnv);
    root = standIn.podRoot(NAMESPACE, POD);
    standIn.writeKubeconfig(home.resolve(".kube/config"), "stand-in", NAMESPACE);
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", home.toString());
    env.put(KubernetesProvider.WORKSPACE_ROOT_VARIABLE, root.toString());
  }

  static String yaml(String extra) {
    return "provider: kubernetes\nrepo:\n  url: https://example.com/app.git\n"
        + "image: {ref: registry.example.com/team/runner:1}\n"
        + extra;
  }

  CloudConfig config(String yaml) {
    return CloudYaml.loader().homeDirectory(home).parse(yaml);
  }

  KubernetesProvider provider(CloudConfig config) {
    return new KubernetesProvider(
        ProviderContext.builder().config(config).environment(env::get).home(home).build(),
        duration -> Thread.sleep(Math.min(duration.toMillis(), 100)),
        Clock.systemUTC(),
        rolloutTimeout,
        terminalIn,
        terminalOut);
  }

  /** Deploys with the given secrets and returns the report. */
  DeployReport deploy(KubernetesProvider provider, Map<String, String> secrets) {
    return provider.deploy(DeployRequest.builder().secrets(secrets).build());
  }

  @Override
  public void close() {
    ProcessBuilder kill =
        new ProcessBuilder("tmux", "kill-server")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    kill.environment().clear();
    kill.environment().putAll(boxEnv);
    try {
      kill.start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no tmux: nothing to stop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    standIn.close();
  }

  List<KubernetesStandIn.Exec> execs() {
    return standIn.execs();
  }
}
