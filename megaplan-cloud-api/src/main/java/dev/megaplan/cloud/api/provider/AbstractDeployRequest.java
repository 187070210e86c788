package dev.megaplan.cloud.api.provider;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** What {@link Provider#build} and {@link Provider#deploy} work from. */
@Value.Immutable
abstract class AbstractDeployRequest {
  /** The rendered deploy directory, for container providers. */
  public abstract Optional<Path> deployDir();

  /** Secret values by name, read at the edge from the local environment. Never printed. */
  @Value.Redacted
  public abstract Map<String, String> secrets();

  /** Where human progress lines go (already a redacting sink). */
  @Value.Auxiliary
  @Value.Default
  public Consumer<String> progress() {
    return line -> {};
  }
}
