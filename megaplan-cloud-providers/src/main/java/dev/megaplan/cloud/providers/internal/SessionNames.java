package dev.megaplan.cloud.providers.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;
import java.util.Map;

/** The providers' one check of a tmux session name a caller asks them to attach to. */
public final class SessionNames {
  private SessionNames() {}

  /**
   * Refuses a name outside the safe set of session names ({@link BoxValues#sessionProblem}), which
   * no megaplan-cloud session ever has, before it reaches tmux.
   *
   * @param session the name
   * @throws CloudException {@code invalid_args} naming the problem
   */
  public static void requireSafe(String session) {
    BoxValues.sessionProblem(session)
        .ifPresent(
            problem -> {
              throw new CloudException(
                  ErrorCode.INVALID_ARGS,
                  "Session " + JsonLiteral.of(session) + " " + problem,
                  Map.of("session", session));
            });
  }
}
