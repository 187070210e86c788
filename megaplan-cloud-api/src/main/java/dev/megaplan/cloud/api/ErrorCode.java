package dev.megaplan.cloud.api;

import java.util.Locale;

/**
 * The closed set of failure codes. Each code's {@link #wireName()} is what the command line prints
 * as {@code "error"} in its failure JSON, and {@link #exitStatus()} is the process exit status the
 * command line uses for it.
 */
public enum ErrorCode {
  /** cloud.yaml or a chain spec is malformed or violates a rule. */
  INVALID_SPEC,
  /** The configured provider is reserved for a future release ({@code fly}). */
  FUTURE_PROVIDER,
  /** The command line or the call was used wrongly. */
  INVALID_ARGS,
  /** A provider's external tool or credential is missing. */
  PROVIDER_UNAVAILABLE,
  /** A provider operation failed (transport error, unexpected remote answer). */
  PROVIDER_FAILED,
  /** A secret named in cloud.yaml is not set locally at deploy time. */
  MISSING_SECRETS,
  /** A local idea file could not be found. */
  MISSING_IDEA_FILE,
  /** No remote chain spec is known for a status or supervisor call. */
  MISSING_REMOTE_SPEC,
  /** A local precondition of a chain launch failed (for example an unset secret). */
  CLOUD_PREFLIGHT_FAILED,
  /** Commands the configured agents need are missing on the runner box. */
  AGENT_DEPS_MISSING,
  /** The chain's tmux session already runs a different chain. */
  CHAIN_SESSION_COLLISION,
  /** The configured Railway service does not exist. */
  RAILWAY_SERVICE_MISSING,
  /** The remote megaplan status payload is not usable. */
  INVALID_STATUS,
  /** The operation is not implemented yet. */
  NOT_IMPLEMENTED;

  /**
   * The snake_case name used in JSON output, for example {@code invalid_spec}.
   *
   * @return the wire name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The command line's exit status for this code: 2 for usage errors and unimplemented operations,
   * 1 for everything else.
   *
   * @return the exit status
   */
  public int exitStatus() {
    return this == INVALID_ARGS || this == NOT_IMPLEMENTED ? 2 : 1;
  }

  /**
   * Looks a code up by its wire name.
   *
   * @param wireName a name such as {@code provider_failed}
   * @return the code
   * @throws IllegalArgumentException when no code has that name
   */
  public static ErrorCode fromWireName(String wireName) {
    for (ErrorCode code : values()) {
      if (code.wireName().equals(wireName)) {
        return code;
      }
    }
    throw new IllegalArgumentException("unknown error code: " + wireName);
  }
}
