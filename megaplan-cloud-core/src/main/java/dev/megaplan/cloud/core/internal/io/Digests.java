package dev.megaplan.cloud.core.internal.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lowercase hex digests of UTF-8 strings, the one way names and paths are hashed here. */
public final class Digests {
  private Digests() {}

  /**
   * SHA-1 of a string's UTF-8 bytes (chain-state paths, chain identities).
   *
   * @param text the text
   * @return 40 lowercase hex characters
   */
  public static String sha1Hex(String text) {
    return hex("SHA-1", text);
  }

  /**
   * SHA-256 of a string's UTF-8 bytes (marker directories, socket names).
   *
   * @param text the text
   * @return 64 lowercase hex characters
   */
  public static String sha256Hex(String text) {
    return hex("SHA-256", text);
  }

  private static String hex(String algorithm, String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides " + algorithm, e);
    }
  }
}
