package dev.megaplan.cloud.core.redact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.core.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The byte path's treatment of lines no rule can touch, and of lines a rule changes. */
class ByteStreamFastPathTest {
  private static final String VALUE = "tok-0123456789";
  private static final Redactor REDACTOR =
      Redactor.create(List.of("API_KEY"), Map.of("API_KEY", VALUE)::get).withLineBound(64);

  private static byte[] copy(byte[] input, int chunk) throws IOException {
    InputStream in =
        new ByteArrayInputStream(input) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    REDACTOR.copy(in, out);
    return out.toByteArray();
  }

  private static byte[] longLines(boolean malformed) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.write("short\n".getBytes(UTF_8));
    for (int i = 0; i < 50; i++) {
      raw.write("long line \u00e9 \ud83d\udd11 ".getBytes(UTF_8));
      if (malformed) {
        raw.write(0xff);
      }
    }
    raw.write("\nend\n".getBytes(UTF_8));
    return raw.toByteArray();
  }

  @Test
  void aLineLongerThanTheBoundWithoutATriggerPassesByteForByteWhateverTheChunks()
      throws IOException {
    byte[] input = longLines(false);
    for (int chunk : new int[] {1, 7, 64, 1 << 20}) {
      assertArrayEquals(input, copy(input, chunk), "chunks of " + chunk);
    }
  }

  @Test
  void malformedBytesInALongLineWithoutATriggerPassWhenTheLineArrivesInOneRead()
      throws IOException {
    byte[] input = longLines(true);
    assertArrayEquals(input, copy(input, 1 << 20));
  }

  @Test
  void aChangedLineIsRedactedWholeAndItsNeighboursPassUnchanged() throws IOException {
    byte[] input =
        ("before \u00e9\n" + "x API_KEY=abc " + VALUE + " sk-abc\n" + "after\n").getBytes(UTF_8);
    String expected =
        "before \u00e9\nx API_KEY=***REDACTED*** ***REDACTED*** ***REDACTED***\nafter\n";
    for (int chunk : new int[] {1, 3, 16, 1 << 20}) {
      assertEquals(expected, new String(copy(input, chunk), UTF_8), "chunks of " + chunk);
    }
  }

  @Test
  void malformedBytesInAChangedLineBecomeReplacementCharacters() throws IOException {
    byte[] input = {'s', 'k', '-', 'a', ' ', (byte) 0xff, '\n', (byte) 0xfe, '\n'};
    assertArrayEquals(
        concat("***REDACTED*** \uFFFD\n".getBytes(UTF_8), new byte[] {(byte) 0xfe, '\n'}),
        copy(input, 1 << 20));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
