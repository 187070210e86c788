package dev.megaplan.cloud.benchmarks;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.core.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 1 GB line without a newline, with secrets all along it and a 64 MB assignment value, goes
 * through {@link Redactor#copy} in a 48 MB heap (the surefire {@code argLine} of this module): the
 * heap cannot hold the line, so passing proves the buffering is bounded, and no secret value comes
 * out.
 */
class OneGigabyteLineTest {
  private static final long LINE_BYTES = 1L << 30;
  private static final int HUGE_VALUE_BYTES = 64 << 20;

  @Test
  void oneGigabyteLineIsRedactedInBoundedMemory() throws IOException {
    Redactor redactor = Redactor.create(LogCorpus.NAMES, LogCorpus.ENV::get);
    long maxHeap = Runtime.getRuntime().maxMemory();
    assertTrue(maxHeap < 128L << 20, "run with a small heap, got " + maxHeap);
    Scanning out = new Scanning(List.copyOf(LogCorpus.ENV.values()));
    long start = System.nanoTime();
    long read = redactor.copy(new OneLine(), out);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "1 GB line: read %d bytes, wrote %d bytes in %.1f s (%.0f MB/s), max heap %d MB%n",
        read, out.written, seconds, read / 1048576.0 / seconds, maxHeap >> 20);
    assertEquals(LINE_BYTES + OneLine.END.length, read);
    assertFalse(out.leaked, out.what);
    assertTrue(out.written > LINE_BYTES / 2, "most ordinary text passes: " + out.written);
    assertTrue(out.tail.endsWith("\nend OPENAI_API_KEY=" + Redactor.REPLACEMENT), out.tail);
  }

  /** Produces the line on the fly: ordinary text and secrets, a huge value in the middle. */
  private static final class OneLine extends InputStream {
    static final byte[] END = "\nend OPENAI_API_KEY=last".getBytes(UTF_8);
    private static final byte[] SEGMENT =
        ("ordinary words here, id=42 status ok; OPENAI_API_KEY=abc123 then "
                + LogCorpus.ENV.get("GITHUB_TOKEN")
                + " and sk-proj-0a1b2c3d and DB_PASSWORD : \"x y z\" and "
                + LogCorpus.ENV.get("DB_PASSWORD")
                + LogCorpus.ENV.get("OPENAI_API_KEY")
                + " more text without any newline at all, ")
            .getBytes(UTF_8);
    private static final byte[] HUGE_PREFIX = " GITHUB_TOKEN=".getBytes(UTF_8);
    private long position;

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int count) {
      long total = LINE_BYTES + END.length;
      if (position >= total) {
        return -1;
      }
      int n = (int) Math.min(count, total - position);
      for (int i = 0; i < n; i++) {
        bytes[offset + i] = at(position + i);
      }
      position += n;
      return n;
    }

    private static byte at(long index) {
      if (index >= LINE_BYTES) {
        return END[(int) (index - LINE_BYTES)];
      }
      // the huge assignment sits between two whole segments
      long hugeStart = LINE_BYTES / 2 / SEGMENT.length * SEGMENT.length;
      long hugeEnd = hugeStart + HUGE_PREFIX.length + HUGE_VALUE_BYTES;
      if (index < hugeStart) {
        return SEGMENT[(int) (index % SEGMENT.length)];
      }
      if (index < hugeStart + HUGE_PREFIX.length) {
        return HUGE_PREFIX[(int) (index - hugeStart)];
      }
      if (index < hugeEnd) {
        return 'v';
      }
      return SEGMENT[(int) ((index - hugeEnd) % SEGMENT.length)];
    }
  }

  /** Checks the output for secret values, across write boundaries, without keeping it. */
  private static final class Scanning extends OutputStream {
    private final List<String> secrets;
    private final int keep;
    private String carry = "";
    long written;
    boolean leaked;
    String what = "";
    String tail = "";

    Scanning(List<String> secrets) {
      this.secrets = new ArrayList<>(secrets);
      this.secrets.add("v".repeat(32));
      this.secrets.add("abc123");
      this.secrets.add("x y z");
      this.secrets.add("sk-proj");
      this.keep = this.secrets.stream().mapToInt(String::length).max().orElse(1);
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
      written += count;
      String text = carry + new String(bytes, offset, count, ISO_8859_1);
      for (String secret : secrets) {
        if (!leaked && text.contains(secret)) {
          leaked = true;
          what = "leaked " + secret + " near byte " + written;
        }
      }
      carry = text.substring(Math.max(0, text.length() - keep));
      tail = text.substring(Math.max(0, text.length() - 200));
    }
  }
}
