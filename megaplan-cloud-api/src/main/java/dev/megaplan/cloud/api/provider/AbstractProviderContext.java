package dev.megaplan.cloud.api.provider;

import dev.megaplan.cloud.api.config.CloudConfig;
import java.nio.file.Path;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * What a provider is created with: the configuration and the local environment, injected so
 * providers never read the process environment or the user's home behind the caller's back.
 */
@Value.Immutable
abstract class AbstractProviderContext {
  /** The loaded configuration. */
  public abstract CloudConfig config();

  /** Local environment lookup (returns null for unset names): tokens, {@code PATH}. */
  @Value.Auxiliary
  public abstract Function<String, String> environment();

  /** The local user's home directory (persistent deploy dirs live under it). */
  public abstract Path home();
}
