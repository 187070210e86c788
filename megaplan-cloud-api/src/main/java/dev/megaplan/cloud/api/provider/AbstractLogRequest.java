package dev.megaplan.cloud.api.provider;

import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** What {@link Provider#logs} streams and where to. */
@Value.Immutable
abstract class AbstractLogRequest {
  /** Follow until the calling thread is interrupted, or print the recent tail and return. */
  public abstract boolean follow();

  /** How many recent lines to show first. */
  @Value.Default
  public int tailLines() {
    return 200;
  }

  /**
   * Which log to show, in the provider's own terms (the host provider takes a chain log path or a
   * chain session name); the provider's default (the newest chain log, the runner service) when
   * empty.
   */
  public abstract Optional<String> source();

  /** Receives each line (without its newline). Callers pass a redacting sink. */
  @Value.Auxiliary
  public abstract Consumer<String> sink();
}
