package dev.megaplan.cloud.api.supervisor;

import java.util.Objects;

/**
 * The canonical session a restart targets, and the chain it must belong to.
 *
 * @param session the tmux session name
 * @param remoteSpec the remote chain spec path the session's marker must name
 * @param workspace the workspace the session runs in
 * @param chainLog the chain log the one-shot tick appends to
 */
public record RestartTarget(String session, String remoteSpec, String workspace, String chainLog) {
  /** Checks every part is present. */
  public RestartTarget {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(remoteSpec, "remoteSpec");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(chainLog, "chainLog");
  }
}
