package dev.megaplan.cloud.testkit.emulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where megaplan keeps a chain's state (spec 02): for the spec path {@code S}, made absolute and
 * normalized lexically (no symlink resolution), {@code
 * dirname(S)/.megaplan/plans/.chains/<stem(S)>-<sha1hex(S)[:12]>.json}.
 */
final class ChainStatePath {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ChainStatePath() {}

  /** {@code spec} made absolute against {@code workingDirectory} and normalized lexically. */
  static Path absoluteSpec(String spec, Path workingDirectory) {
    Path path = Path.of(spec);
    return (path.isAbsolute() ? path : workingDirectory.resolve(path)).normalize();
  }

  /** The state file of the chain whose spec is the absolute, normalized {@code spec}. */
  static Path forSpec(Path spec) {
    String name = spec.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String digest = sha1Hex(spec.toString()).substring(0, 12);
    return spec.resolveSibling(".megaplan")
        .resolve("plans")
        .resolve(".chains")
        .resolve(stem + "-" + digest + ".json");
  }

  /** Lowercase hex SHA-1 of the UTF-8 bytes of {@code text}. */
  static String sha1Hex(String text) {
    byte[] digest = Sha1.digest(text.getBytes(StandardCharsets.UTF_8));
    char[] hex = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(hex);
  }
}
