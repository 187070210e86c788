package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a spec file as text: bounded in size, strict UTF-8, a leading byte-order mark dropped. */
public final class YamlText {
  private YamlText() {}

  /**
   * Reads a spec file's bytes, refusing a missing, unreadable or too large file.
   *
   * @param file the file
   * @return its bytes
   * @throws CloudException {@code invalid_spec} when missing, unreadable or larger than {@link
   *     YamlLimits#MAX_BYTES}
   */
  public static byte[] readBytes(Path file) {
    if (Files.isDirectory(file)) {
      throw invalid("spec file is a directory, not a file: " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(YamlLimits.MAX_BYTES + 1);
      if (bytes.length > YamlLimits.MAX_BYTES) {
        throw tooLarge(file.toString());
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw invalid("spec file not found: " + file);
    } catch (IOException e) {
      throw invalid("spec file could not be read: " + file + " (" + e.getMessage() + ")");
    }
  }

  /**
   * Decodes a spec's bytes as strict UTF-8.
   *
   * @param bytes the bytes
   * @param sourceName the file name used in messages
   * @return the text, without a leading byte-order mark
   * @throws CloudException {@code invalid_spec} when the bytes are not valid UTF-8 or too many
   */
  public static String decode(byte[] bytes, String sourceName) {
    if (bytes.length > YamlLimits.MAX_BYTES) {
      throw tooLarge(sourceName);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    String text;
    try {
      text = decoder.decode(buffer).toString();
    } catch (CharacterCodingException e) {
      throw invalid(
          sourceName
              + " is not valid UTF-8 text (invalid byte sequence near byte offset "
              + buffer.position()
              + "); save the file as UTF-8");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Checks the size of a spec given as text.
   *
   * @param text the text
   * @param sourceName the name used in messages
   * @return the text
   */
  public static String checkSize(String text, String sourceName) {
    if (text.length() > YamlLimits.MAX_BYTES
        || text.getBytes(StandardCharsets.UTF_8).length > YamlLimits.MAX_BYTES) {
      throw tooLarge(sourceName);
    }
    return text;
  }

  private static CloudException tooLarge(String what) {
    return invalid(
        "spec file too large: "
            + what
            + " is over "
            + YamlLimits.MAX_BYTES
            + " bytes (1 MiB), the limit for a spec file");
  }

  private static CloudException invalid(String message) {
    return new CloudException(ErrorCode.INVALID_SPEC, message);
  }
}
