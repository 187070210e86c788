package dev.megaplan.cloud.api.provider;

/**
 * A runner box: its lifecycle and its remote shell. One instance serves one session and may hold
 * connections, released by {@link #close()}.
 */
public interface Provider extends AutoCloseable {
  /**
   * The provider's name, as in cloud.yaml.
   *
   * @return the name
   */
  String name();

  /** Releases connections and processes this provider opened. Never throws. */
  @Override
  void close();
}
