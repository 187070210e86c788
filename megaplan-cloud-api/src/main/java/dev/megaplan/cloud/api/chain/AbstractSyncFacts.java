package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The five branch/PR sync facts of a chain state: {@code {branch_head, pr_head, last_pushed_commit,
 * dirty_flag, sync_state}}; absent facts render as {@code null}.
 */
@Value.Immutable
@JsonPropertyOrder({"branch_head", "pr_head", "last_pushed_commit", "dirty_flag", "sync_state"})
abstract class AbstractSyncFacts {
  /** {@code branch_head}: the milestone branch's head commit. */
  @JsonProperty("branch_head")
  public abstract Optional<String> branchHead();

  /** {@code pr_head}: the pull request's head commit. */
  @JsonProperty("pr_head")
  public abstract Optional<String> prHead();

  /** {@code last_pushed_commit}: the commit megaplan last pushed. */
  @JsonProperty("last_pushed_commit")
  public abstract Optional<String> lastPushedCommit();

  /** {@code dirty_flag}: whether the workspace had uncommitted changes. */
  @JsonProperty("dirty_flag")
  @Value.Default
  public boolean dirtyFlag() {
    return false;
  }

  /** {@code sync_state}: for example {@code clean}, {@code stale}, {@code dirty}. */
  @JsonProperty("sync_state")
  public abstract Optional<String> syncState();

  /**
   * The sync facts recorded in a chain state.
   *
   * @param state the chain state
   * @return its five sync facts
   */
  public static SyncFacts of(ChainState state) {
    return SyncFacts.builder()
        .branchHead(state.branchHead())
        .prHead(state.prHead())
        .lastPushedCommit(state.lastPushedCommit())
        .dirtyFlag(state.dirtyFlag())
        .syncState(state.syncState())
        .build();
  }
}
