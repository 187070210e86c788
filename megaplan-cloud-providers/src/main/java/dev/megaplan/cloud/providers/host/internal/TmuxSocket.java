package dev.megaplan.cloud.providers.host.internal;

import dev.megaplan.cloud.core.internal.io.Digests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where a root's own tmux server listens: {@code <root>/.megaplan/tmux.sock}, or, when that path
 * would not fit a UNIX socket address, {@code <tmp>/megaplan-tmux-<sha256(root)[:16]>.sock}.
 */
public final class TmuxSocket {
  /** The longest socket path used as is, in UTF-8 bytes (the kernel allows 107). */
  public static final int MAX_PATH_BYTES = 100;

  private TmuxSocket() {}

  /**
   * The socket path for a root.
   *
   * @param root the absolute root
   * @param tempDir the fallback directory
   * @return the socket path
   */
  public static Path forRoot(Path root, Path tempDir) {
    Path preferred = root.resolve(".megaplan").resolve("tmux.sock");
    if (preferred.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES) {
      return preferred;
    }
    return tempDir.resolve(
        "megaplan-tmux-" + Digests.sha256Hex(root.toString()).substring(0, 16) + ".sock");
  }
}
