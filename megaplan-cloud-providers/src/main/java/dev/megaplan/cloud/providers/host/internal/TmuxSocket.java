package dev.megaplan.cloud.providers.host.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
    return tempDir.resolve("megaplan-tmux-" + sha256(root.toString()).substring(0, 16) + ".sock");
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
