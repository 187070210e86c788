package dev.megaplan.cloud.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.megaplan.cloud.api.config.Agent;
import dev.megaplan.cloud.api.config.AgentsConfig;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.Mode;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.config.Toolchain;
import dev.megaplan.cloud.core.CloudYaml;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The value type itself: builder defaults, copies, equality and invariants. */
class CloudConfigValueTest {
  private static final RepoConfig REPO = RepoConfig.builder().url("u").build();

  @Test
  void builderWithOnlyARepoEqualsTheLoadedMinimalFile() {
    assertEquals(CloudConfig.builder().repo(REPO).build(), CloudYaml.parse("repo: {url: u}\n"));
  }

  @Test
  void withCopiesLeaveTheOriginalUnchanged() {
    CloudConfig original = CloudConfig.builder().repo(REPO).build();
    CloudConfig chain = original.withMode(Mode.CHAIN).withChainSession("s1");
    assertEquals(Mode.IDLE, original.mode());
    assertEquals(Optional.empty(), original.chainSession());
    assertEquals("s1", chain.effectiveChainSession());
    assertNotEquals(original, chain);
  }

  @Test
  void agentsInUseCoverTheDefaultAndOverrides() {
    AgentsConfig agents =
        AgentsConfig.builder().defaultAgent(Agent.HERMES).putSteps("plan", Agent.CLAUDE).build();
    assertEquals(Set.of(Agent.HERMES, Agent.CLAUDE), agents.agentsInUse());
    assertEquals(Agent.CLAUDE, agents.agentFor("plan"));
    assertEquals(Agent.HERMES, agents.agentFor("review"));
  }

  @Test
  void agentsRejectAnUnknownStepBuiltInCode() {
    assertThrows(
        IllegalStateException.class,
        () -> AgentsConfig.builder().putSteps("nap", Agent.CODEX).build());
  }

  @Test
  void toolchainAliasMustBeKnown() {
    assertThrows(IllegalStateException.class, () -> Toolchain.alias("cobol"));
    assertEquals("rust", Toolchain.alias("rust").toJson());
  }

  @Test
  void enumWireNamesRoundTrip() {
    for (Mode mode : Mode.values()) {
      assertEquals(Optional.of(mode), Mode.fromWireName(mode.wireName()));
    }
    assertEquals(Optional.empty(), Agent.fromWireName("gpt"));
  }
}
