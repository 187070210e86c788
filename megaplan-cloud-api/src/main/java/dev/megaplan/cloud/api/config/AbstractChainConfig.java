package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;

/** What {@code mode: chain} runs on boot ({@code chain}); read only in that mode. */
@Value.Immutable
@JsonPropertyOrder({"spec", "chain_session"})
abstract class AbstractChainConfig {
  /**
   * Absolute remote path of the already-staged chain spec ({@code chain.spec}).
   *
   * @return the path
   */
  @JsonProperty("spec")
  public abstract String spec();

  /**
   * The chain's tmux session as written in this block ({@code chain.chain_session}), when set. The
   * top-level {@code chain_session} wins over it; see {@link CloudConfig#chainSession()}.
   *
   * @return the session, or empty
   */
  @JsonProperty("chain_session")
  public abstract Optional<String> chainSession();
}
