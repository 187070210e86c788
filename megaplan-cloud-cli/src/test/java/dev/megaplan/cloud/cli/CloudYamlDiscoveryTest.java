package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default {@code --cloud-yaml}, each branch of the rule, run from a subdirectory: the git root
 * when it holds {@code .megaplan/}, else the nearest directory up with {@code .megaplan/}, else the
 * current directory.
 */
class CloudYamlDiscoveryTest {
  private static final String YAML = "provider: host\nrepo: {url: https://example.invalid/a.git}\n";

  @TempDir Path dir;
  Path repo;

  @BeforeEach
  void precondition() throws IOException {
    for (Path up = dir; up.getParent() != null; up = up.getParent()) {
      assertFalse(
          Files.isDirectory(up.resolve(".megaplan")) || Files.exists(up.resolve(".git")),
          "the temp directory must not lie inside a project: " + up);
    }
    repo = Files.createDirectories(dir.resolve("repo"));
  }

  private Path mkdirs(String relative) throws IOException {
    return Files.createDirectories(repo.resolve(relative));
  }

  /** The cloud.yaml {@code config validate} reads from {@code cwd}. */
  private String validatedFrom(Path cwd) {
    CliRun run = CliRun.in(cwd, "config", "validate");
    assertEquals(0, run.exit, run.toString());
    return run.json().path("cloud_yaml").asText();
  }

  @Test
  void theGitRootWinsWhenItHoldsMegaplan() throws IOException {
    mkdirs(".git");
    mkdirs(".megaplan");
    mkdirs("services/api/.megaplan"); // nearer, but the git root comes first
    Path cwd = mkdirs("services/api/src");
    Files.writeString(repo.resolve("cloud.yaml"), YAML);
    assertEquals(repo.resolve("cloud.yaml").toString(), validatedFrom(cwd));
  }

  @Test
  void aGitWorktreesDotGitFileMarksItsRootToo() throws IOException {
    Files.writeString(repo.resolve(".git"), "gitdir: /elsewhere/.git/worktrees/repo\n");
    mkdirs(".megaplan");
    Path cwd = mkdirs("a/b");
    Files.writeString(repo.resolve("cloud.yaml"), YAML);
    assertEquals(repo.resolve("cloud.yaml").toString(), validatedFrom(cwd));
  }

  @Test
  void withoutMegaplanAtTheGitRootTheNearestMegaplanUpWins() throws IOException {
    mkdirs(".git");
    mkdirs("tools/.megaplan");
    Path cwd = mkdirs("tools/cli/src");
    Files.writeString(repo.resolve("tools/cloud.yaml"), YAML);
    assertEquals(repo.resolve("tools/cloud.yaml").toString(), validatedFrom(cwd));
  }

  @Test
  void outsideAGitRepositoryTheNearestMegaplanUpWins() throws IOException {
    mkdirs(".megaplan");
    Path cwd = mkdirs("deep/er");
    Files.writeString(repo.resolve("cloud.yaml"), YAML);
    assertEquals(repo.resolve("cloud.yaml").toString(), validatedFrom(cwd));
  }

  @Test
  void withoutMegaplanAnywhereItIsTheCurrentDirectory() throws IOException {
    mkdirs(".git");
    Path cwd = mkdirs("sub");
    Files.writeString(cwd.resolve("cloud.yaml"), YAML);
    Files.writeString(repo.resolve("cloud.yaml"), YAML); // the git root's is not looked at
    assertEquals(cwd.resolve("cloud.yaml").toString(), validatedFrom(cwd));
  }

  @Test
  void theHomesOwnMegaplanDirectoryMarksNoProject() throws IOException {
    Path home = mkdirs("home");
    Files.createDirectories(home.resolve(".megaplan/cloud/markers"));
    Path cwd = Files.createDirectories(home.resolve("work/app"));
    CliRun run = CliRun.withHome(cwd, home, "init");
    assertEquals(0, run.exit, run.toString());
    assertTrue(Files.exists(cwd.resolve("cloud.yaml")));
    assertFalse(Files.exists(home.resolve("cloud.yaml")));
  }

  @Test
  void initWritesAtTheProjectRootFromASubdirectory() throws IOException {
    mkdirs(".git");
    mkdirs(".megaplan");
    Path cwd = mkdirs("docs/notes");
    CliRun run = CliRun.in(cwd, "init");
    assertEquals(0, run.exit, run.toString());
    assertEquals(repo.resolve("cloud.yaml").toString(), run.json().path("cloud_yaml").asText());
    assertEquals(repo.resolve("cloud.yaml").toString(), validatedFrom(cwd));
  }

  @Test
  void cloudYamlFlagBeatsDiscovery() throws IOException {
    mkdirs(".megaplan");
    Files.writeString(repo.resolve("cloud.yaml"), "not: [valid");
    Path cwd = mkdirs("x");
    Files.writeString(cwd.resolve("other.yaml"), YAML);
    CliRun run = CliRun.in(cwd, "config", "validate", "--cloud-yaml", "other.yaml");
    assertEquals(0, run.exit, run.toString());
    assertEquals(cwd.resolve("other.yaml").toString(), run.json().path("cloud_yaml").asText());
  }

  @Test
  void aMissingCloudYamlSaysToRunInitOrPassCloudYaml() throws IOException {
    mkdirs(".megaplan");
    Path cwd = mkdirs("sub");
    CliRun run = CliRun.in(cwd, "status", "--chain");
    assertEquals(1, run.exit, run.toString());
    assertEquals("invalid_spec", run.json().path("error").asText());
    String message = run.json().path("message").asText();
    assertTrue(message.startsWith("spec file not found: " + repo.resolve("cloud.yaml")), message);
    assertTrue(message.contains("megaplan-cloud init"), message);
    assertTrue(message.contains("--cloud-yaml"), message);
    assertEquals(repo.resolve("cloud.yaml").toString(), run.json().path("cloud_yaml").asText());
  }
}
