package dev.megaplan.cloud.core.chain;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.internal.chain.PosixPaths;
import dev.megaplan.cloud.core.internal.io.Digests;
import java.util.Map;
import java.util.Objects;

/**
 * Where megaplan keeps a chain's state on the box, for a remote chain spec path {@code S} (spec
 * 02): {@code dirname(S)/.megaplan/plans/.chains/<stem(S)>-<sha1(S)[:12]>.json}.
 *
 * <p>{@code S} must be an absolute POSIX path. It is normalized lexically before anything else
 * (repeated slashes collapse, {@code .} disappears, {@code ..} removes the previous segment; no
 * symbolic link is resolved, nothing is read), and the SHA-1 is taken over the normalized string's
 * UTF-8 bytes, with no Unicode normalization. The stem follows Python's rule: the name without its
 * last extension ({@code my.chain.yaml} → {@code my.chain}; {@code chain} and {@code .chain} are
 * their own stems).
 *
 * <p>Example: {@code /workspace/app/chain.yaml} → {@code
 * /workspace/app/.megaplan/plans/.chains/chain-31aeaa26cfe5.json}.
 */
public final class ChainStatePath {
  private static final String CHAINS_DIR = ".megaplan/plans/.chains";

  private ChainStatePath() {}

  /**
   * The lexically normalized form of a remote spec path, the string the digest is taken over.
   *
   * @param remoteSpec an absolute POSIX path of a chain spec
   * @return the normalized path
   * @throws CloudException {@link ErrorCode#INVALID_ARGS} when the path is not absolute or names
   *     the root directory
   */
  public static String normalize(String remoteSpec) {
    Objects.requireNonNull(remoteSpec, "remoteSpec");
    String normalized;
    try {
      normalized = PosixPaths.normalize(remoteSpec);
    } catch (IllegalArgumentException e) {
      throw invalid("Remote spec path must be an absolute POSIX path", remoteSpec);
    }
    if (normalized.equals("/")) {
      throw invalid("Remote spec path must name a file, not the root directory", remoteSpec);
    }
    return normalized;
  }

  /**
   * The chain state file.
   *
   * @param remoteSpec an absolute POSIX path of a chain spec
   * @return {@code dirname(S)/.megaplan/plans/.chains/<stem>-<digest12>.json}
   */
  public static String statePath(String remoteSpec) {
    return chainsFile(remoteSpec, ".json");
  }

  /**
   * The legacy chain state file, read when {@link #statePath(String)} is absent.
   *
   * @param remoteSpec an absolute POSIX path of a chain spec
   * @return {@code dirname(S)/chain_state.json}
   */
  public static String legacyStatePath(String remoteSpec) {
    return PosixPaths.join(PosixPaths.dirname(normalize(remoteSpec)), "chain_state.json");
  }

  /**
   * The runtime policy overrides file, beside the state file.
   *
   * @param remoteSpec an absolute POSIX path of a chain spec
   * @return {@code dirname(S)/.megaplan/plans/.chains/<stem>-<digest12>.runtime_policy.json}
   */
  public static String runtimePolicyPath(String remoteSpec) {
    return chainsFile(remoteSpec, ".runtime_policy.json");
  }

  private static String chainsFile(String remoteSpec, String suffix) {
    String spec = normalize(remoteSpec);
    String file =
        PosixPaths.stem(PosixPaths.name(spec))
            + "-"
            + Digests.sha1Hex(spec).substring(0, 12)
            + suffix;
    return PosixPaths.join(PosixPaths.join(PosixPaths.dirname(spec), CHAINS_DIR), file);
  }

  private static CloudException invalid(String message, String remoteSpec) {
    return new CloudException(
        ErrorCode.INVALID_ARGS, message + ": " + remoteSpec, Map.of("remote_spec", remoteSpec));
  }
}
