package dev.megaplan.cloud.core.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expected digests were computed independently: python3 -c "hashlib.sha1(b'...').hexdigest()". */
class LaunchContextTest {
  private static LaunchContext derive(String specName, Optional<String> session, boolean explicit) {
    return LaunchContext.derive(
        specName,
        Optional.empty(),
        List.of("m1", "m2", "m3"),
        session,
        "/workspace/app",
        explicit,
        "https://github.com/acme/Widget.git",
        "/workspace");
  }

  @Test
  void derivesSessionWorkspaceAndPathsFromTheIdentityDigest() {
    LaunchContext context = derive("chain.yaml", Optional.empty(), false);
    assertEquals("chain::m1,m2,m3", context.identity());
    assertEquals("45512a4837", context.digest());
    assertEquals("megaplan-chain-chain-45512a48", context.session());
    assertEquals("/workspace/chain-45512a48/widget", context.workspace());
    assertEquals("/workspace/chain-45512a48/widget/chain.yaml", context.remoteSpec());
    assertEquals(
        "/workspace/chain-45512a48/widget/.megaplan/cloud-chain-megaplan-chain-chain-45512a48.log",
        context.chainLog());
    assertEquals(
        "/workspace/.megaplan/cloud-sessions/megaplan-chain-chain-45512a48.json",
        context.sessionMarker());
    assertTrue(
        context
            .statePath()
            .startsWith("/workspace/chain-45512a48/widget/.megaplan/plans/.chains/chain-"));
    assertTrue(context.derivedSession());
    assertTrue(context.derivedWorkspace());
  }

  @Test
  void theSeedPlanIsPartOfTheIdentity() {
    LaunchContext context =
        LaunchContext.derive(
            "chain.yml",
            Optional.of("seed-1"),
            List.of("m1"),
            Optional.empty(),
            "/workspace/app",
            false,
            "git@github.com:acme/app.git",
            "/workspace");
    assertEquals("chain:seed-1:m1", context.identity());
    assertEquals("106972c1b8", context.digest());
    assertEquals("/workspace/chain-106972c1/app", context.workspace());
  }

  @Test
  void anExplicitWorkspaceAndSessionAreUsedAsTheyAre() {
    LaunchContext context = derive("chain.yaml", Optional.of("megaplan-chain"), true);
    assertEquals("megaplan-chain", context.session());
    assertEquals("/workspace/app", context.workspace());
    assertEquals("/workspace/app/.megaplan/cloud-chain.log", context.chainLog());
    assertFalse(context.derivedSession());
    assertFalse(context.derivedWorkspace());
  }

  @Test
  void slugsReplaceRunsOfOtherCharactersAndTrimDotsAndDashes() {
    assertEquals("my-epic", LaunchContext.slug("My Epic!", "chain"));
    assertEquals("a.b_c-d", LaunchContext.slug("..a.b_c-d--", "chain"));
    assertEquals("chain", LaunchContext.slug("***", "chain"));
    assertEquals("pop-e", LaunchContext.slug("épopée", "chain"));
    assertEquals(48, LaunchContext.slug("a".repeat(60), "chain").length());
  }

  @Test
  void aSpecNameWithSpacesAndUnicodeGivesAUsableSession() {
    LaunchContext context =
        LaunchContext.derive(
            "My Epic!.yaml",
            Optional.empty(),
            List.of("a"),
            Optional.empty(),
            "/workspace/app",
            false,
            "https://x/y/",
            "/workspace");
    assertEquals("022653a32e", context.digest());
    assertEquals("megaplan-chain-my-epic-022653a3", context.session());
    assertEquals("/workspace/my-epic-022653a3/y", context.workspace());
  }

  @Test
  void repoDirNamesDropGitAndTrailingSlashes() {
    assertEquals("Widget", LaunchContext.repoDirName("https://github.com/acme/Widget.git"));
    assertEquals("app", LaunchContext.repoDirName("git@github.com:acme/app.git"));
    assertEquals("y", LaunchContext.repoDirName("https://x/y/"));
    assertEquals("", LaunchContext.repoDirName(".git"));
  }
}
