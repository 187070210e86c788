package dev.megaplan.cloud.testkit.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerStandInTest {
  @TempDir Path temp;

  private record Run(int exit, String stdout, String stderr) {}

  private Run run(DockerStandIn docker, String stdin, String... argv) throws Exception {
    List<String> command = new ArrayList<>(List.of(argv));
    command.set(0, docker.bin().resolve(argv[0]).toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
    builder.environment().clear();
    builder.environment().putAll(Map.of("PATH", docker.path(System.getenv("PATH"))));
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    return new Run(process.exitValue(), out, err);
  }

  @Test
  void composeExecRunsTheCommandHereWithStdinAndRecordsTheCall() throws Exception {
    DockerStandIn docker = DockerStandIn.install(temp.resolve("docker"));
    Run run =
        run(
            docker,
            "hello",
            "docker",
            "compose",
            "-p",
            "P",
            "-f",
            "/x/docker-compose.yaml",
            "exec",
            "-T",
            "agent",
            "bash",
            "-lc",
            "cat; echo ' done'; exit 3");
    assertEquals(3, run.exit());
    assertEquals("hello done\n", run.stdout());
    DockerStandIn.Call call = docker.calls().get(0);
    assertEquals(
        List.of(
            "docker",
            "compose",
            "-p",
            "P",
            "-f",
            "/x/docker-compose.yaml",
            "exec",
            "-T",
            "agent",
            "bash",
            "-lc",
            "cat; echo ' done'; exit 3"),
        call.argv());
    assertEquals("hello", call.stdinText());
    assertEquals(temp.toRealPath(), call.workingDirectory().toRealPath());
  }

  @Test
  void dockerExecWithoutDashIGivesTheCommandNoStdin() throws Exception {
    DockerStandIn docker = DockerStandIn.install(temp.resolve("docker"));
    assertEquals(
        "[]\n",
        run(docker, "ignored", "docker", "exec", "c", "bash", "-lc", "printf '[%s]\\n' \"$(cat)\"")
            .stdout());
    assertEquals(
        "[fed]\n",
        run(
                docker,
                "fed",
                "docker",
                "exec",
                "-i",
                "c",
                "bash",
                "-lc",
                "printf '[%s]\\n' \"$(cat)\"")
            .stdout());
  }

  @Test
  void withoutTheComposePluginDockerComposeIsNotACommandButDockerComposeWorks() throws Exception {
    DockerStandIn docker = DockerStandIn.install(temp.resolve("docker")).withoutComposeSubcommand();
    Run missing = run(docker, "", "docker", "compose", "version");
    assertEquals(1, missing.exit());
    assertTrue(missing.stderr().startsWith("docker: 'compose' is not a docker command."));
    Run fallback = run(docker, "", "docker-compose", "-p", "P", "up", "-d");
    assertEquals(0, fallback.exit());
    assertEquals(List.of("docker-compose", "-p", "P", "up", "-d"), docker.argvs().get(1));
  }

  @Test
  void aScriptedVerbFailsAndAnotherAnswersItsScript() throws Exception {
    DockerStandIn docker =
        DockerStandIn.install(temp.resolve("docker"))
            .failing("compose build", 17, "failed to solve: boom")
            .answering("logs", "one\ntwo\n");
    Run build = run(docker, "", "docker", "compose", "-p", "P", "build");
    assertEquals(17, build.exit());
    assertEquals("failed to solve: boom\n", build.stderr());
    assertEquals("one\ntwo\n", run(docker, "", "docker", "logs", "--tail", "200", "c").stdout());
    assertEquals(0, run(docker, "", "docker", "run", "-d", "--name", "c", "img").exit());
  }

  @Test
  void anEngineProbeFailsAsAClientWithoutAnEngine() throws Exception {
    DockerStandIn docker = DockerStandIn.install(temp.resolve("docker"));
    Run probe = run(docker, "", "docker", "version", "--format", "{{.Server.Version}}");
    assertEquals(1, probe.exit());
    assertTrue(probe.stderr().contains("Cannot connect to the Docker daemon"), probe.stderr());
  }
}
