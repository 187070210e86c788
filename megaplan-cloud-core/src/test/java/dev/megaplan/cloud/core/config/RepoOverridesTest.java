package dev.megaplan.cloud.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoOverrides;
import dev.megaplan.cloud.core.CloudYaml;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepoOverridesTest {
  private static final CloudConfig LOADED =
      CloudYaml.parse(
          "repo: {url: https://a/app.git, branch: main}\n"
              + "extra_repos:\n  - {url: https://a/lib.git, workspace: /workspace/lib}\n");

  @Test
  void urlOverrideReplacesTheUrlOnly() {
    CloudConfig config =
        CloudYaml.withRepoOverrides(
            LOADED, Optional.of("https://b/app.git"), Optional.empty(), Optional.empty());
    assertEquals("https://b/app.git", config.repo().url());
    assertEquals("main", config.repo().branch());
    assertEquals(false, config.repo().workspaceExplicit());
  }

  @Test
  void branchOverrideReplacesTheBranch() {
    CloudConfig config =
        CloudYaml.withRepoOverrides(
            LOADED, Optional.empty(), Optional.of("feature/x"), Optional.empty());
    assertEquals("feature/x", config.repo().branch());
  }

  @Test
  void workspaceOverrideCountsAsExplicit() {
    CloudConfig config =
        CloudYaml.applyOverrides(
            LOADED, RepoOverrides.builder().workspace("/workspace/other").build());
    assertEquals("/workspace/other", config.repo().workspace());
    assertTrue(config.repo().workspaceExplicit());
  }

  @Test
  void relativeWorkspaceOverrideIsInvalidArgs() {
    CloudException e =
        assertThrows(
            CloudException.class,
            () ->
                CloudYaml.applyOverrides(
                    LOADED, RepoOverrides.builder().workspace("workspace/app").build()));
    assertEquals(ErrorCode.INVALID_ARGS, e.code());
    assertEquals(
        "--repo-workspace must be an absolute POSIX path (starting with /), got 'workspace/app'",
        e.getMessage());
  }

  @Test
  void workspaceOverrideCollidingWithAnExtraRepoIsInvalidArgs() {
    CloudException e =
        assertThrows(
            CloudException.class,
            () ->
                CloudYaml.applyOverrides(
                    LOADED, RepoOverrides.builder().workspace("/workspace/lib").build()));
    assertEquals(ErrorCode.INVALID_ARGS, e.code());
    assertEquals("--repo-workspace collides with extra_repos[0].workspace", e.getMessage());
  }

  @Test
  void unnormalisedWorkspaceOverrideIsInvalidArgsNamingTheFix() {
    CloudException e =
        assertThrows(
            CloudException.class,
            () ->
                CloudYaml.applyOverrides(
                    LOADED, RepoOverrides.builder().workspace("/workspace/x/../app/").build()));
    assertEquals(ErrorCode.INVALID_ARGS, e.code());
    assertEquals(
        "--repo-workspace must be normalised (no empty, '.' or '..' segment, no trailing '/'):"
            + " write /workspace/app",
        e.getMessage());
  }

  @Test
  void workspaceOverrideWithALineBreakIsInvalidArgs() {
    CloudException e =
        assertThrows(
            CloudException.class,
            () ->
                CloudYaml.applyOverrides(
                    LOADED, RepoOverrides.builder().workspace("/workspace/a\nb").build()));
    assertEquals(ErrorCode.INVALID_ARGS, e.code());
    assertEquals(
        "--repo-workspace must not contain control characters, found U+000A at position 12",
        e.getMessage());
  }

  @Test
  void emptyUrlOverrideIsInvalidArgs() {
    CloudException e =
        assertThrows(
            CloudException.class,
            () -> CloudYaml.applyOverrides(LOADED, RepoOverrides.builder().url(" ").build()));
    assertEquals(ErrorCode.INVALID_ARGS, e.code());
    assertEquals("--repo-url must not be empty", e.getMessage());
  }

  @Test
  void noOverridesReturnTheSameConfig() {
    assertSame(LOADED, CloudYaml.applyOverrides(LOADED, RepoOverrides.none()));
  }

  @Test
  void overridesNeverChangeTheOriginalValue() {
    CloudYaml.withRepoOverrides(
        LOADED, Optional.of("https://c/x.git"), Optional.of("b"), Optional.of("/w"));
    assertEquals("https://a/app.git", LOADED.repo().url());
  }
}
