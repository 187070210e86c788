package dev.megaplan.cloud.core.internal.redact;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 bytes, in chunks split anywhere (even inside a character), into a {@link LinePipe}.
 * Malformed input becomes U+FFFD. Mutable; one per stream.
 */
final class Utf8Feed {
  private final LinePipe pipe;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer undecoded = ByteBuffer.allocate(8192);
  private final CharBuffer decoded = CharBuffer.allocate(8192);

  Utf8Feed(LinePipe pipe) {
    this.pipe = pipe;
  }

  /**
   * Decodes bytes into the pipe.
   *
   * @param last true to end the input: bytes of an incomplete character become U+FFFD and the
   *     decoder starts afresh on the next call
   */
  void write(byte[] bytes, int offset, int count, boolean last) {
    int at = offset;
    int end = offset + count;
    do {
      int take = Math.min(undecoded.remaining(), end - at);
      undecoded.put(bytes, at, take);
      at += take;
      undecoded.flip();
      boolean endOfInput = last && at == end;
      CoderResult result;
      do {
        result = decoder.decode(undecoded, decoded, endOfInput);
        drain();
      } while (result.isOverflow());
      undecoded.compact();
      if (endOfInput) {
        while (decoder.flush(decoded).isOverflow()) {
          drain();
        }
        drain();
        decoder.reset();
      }
    } while (at < end);
  }

  private void drain() {
    decoded.flip();
    pipe.write(decoded.array(), decoded.position(), decoded.remaining());
    decoded.clear();
  }
}
