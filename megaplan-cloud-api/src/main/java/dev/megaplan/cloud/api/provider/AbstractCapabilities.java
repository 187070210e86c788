package dev.megaplan.cloud.api.provider;

import org.immutables.value.Value;

/** What a provider can do; callers check these instead of catching failures. */
@Value.Immutable
abstract class AbstractCapabilities {
  /** Whether commands can run on the box ({@link Provider#remoteShell()} is present). */
  public abstract boolean remoteShell();

  /** Whether named tmux sessions can be listed and targeted. */
  public abstract boolean namedSessions();

  /** Whether {@code attach} can open an interactive terminal. */
  public abstract boolean interactiveAttach();

  /** Whether the box keeps a persistent volume across redeploys. */
  public abstract boolean persistentVolume();

  /** Whether the box is this machine (no OAuth seeding is needed then). */
  public abstract boolean sameMachine();
}
