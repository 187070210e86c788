package dev.megaplan.cloud.providers.railway.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A deploy directory as the gzip-compressed tar that {@code railway up} uploads: entries named
 * {@code ./<relative path>}, directories first, regular files with their permission bits, owner 0,
 * time 0, so the same directory gives the same bytes. Only what fits ustar's 100-character names is
 * supported (the rendered deploy directory's paths are short).
 */
public final class DeployArchive {
  private static final int BLOCK = 512;

  private DeployArchive() {}

  /**
   * Archives a directory.
   *
   * @param dir the directory
   * @return the {@code .tar.gz} bytes
   */
  public static byte[] of(Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes);
        Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
      for (Path path : paths) {
        String name = "./" + dir.relativize(path).toString().replace('\\', '/');
        if (Files.isDirectory(path)) {
          gzip.write(header(name + "/", 0755, 0, '5'));
        } else if (Files.isRegularFile(path)) {
          byte[] content = Files.readAllBytes(path);
          gzip.write(header(name, mode(path), content.length, '0'));
          gzip.write(content);
          gzip.write(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
        }
      }
      gzip.write(new byte[2 * BLOCK]);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot archive " + dir, e);
    }
    return bytes.toByteArray();
  }

  private static int mode(Path path) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
    return permissions.contains(PosixFilePermission.OWNER_EXECUTE) ? 0755 : 0644;
  }

  private static byte[] header(String name, int mode, long size, char type) {
    byte[] h = new byte[BLOCK];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    if (n.length > 100) {
      throw new IllegalArgumentException("path too long for the deploy archive: " + name);
    }
    System.arraycopy(n, 0, h, 0, n.length);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, 0);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = (byte) type;
    byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, h, 257, magic.length);
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    byte[] check = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(check, 0, h, 148, 6);
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private static void octal(byte[] h, int offset, int length, long value) {
    byte[] digits =
        String.format("%0" + (length - 1) + "o", value).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(digits, 0, h, offset, length - 1);
    h[offset + length - 1] = 0;
  }
}
