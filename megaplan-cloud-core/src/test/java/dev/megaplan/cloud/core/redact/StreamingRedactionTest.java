package dev.megaplan.cloud.core.redact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.LogLine;
import dev.megaplan.cloud.core.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The streaming forms: split-safety, held partial lines, windows, sinks, copy. */
class StreamingRedactionTest {
  private static final String R = Redactor.REPLACEMENT;
  private static final String VALUE = "openai-value-0001";
  private static final Redactor REDACTOR =
      Redactor.create(List.of("OPENAI_API_KEY"), Map.of("OPENAI_API_KEY", VALUE)::get);

  /** Reads one byte per call, so every secret is split across reads. */
  private static InputStream trickle(byte[] bytes) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), UTF_8);
  }

  @Test
  void secretSplitAcrossOneByteReadsIsRedacted() throws IOException {
    String text = "a " + VALUE + " b\nOPENAI_API_KEY=xyz\nsk-abc";
    assertEquals(
        "a " + R + " b\nOPENAI_API_KEY=" + R + "\n" + R,
        readAll(REDACTOR.wrap(trickle(text.getBytes(UTF_8)))));
  }

  @Test
  void multiByteCharactersSplitAcrossReadsSurvive() throws IOException {
    String text = "grüße 🔑 " + VALUE + " ünd\nñ";
    assertEquals(
        "grüße 🔑 " + R + " ünd\nñ", readAll(REDACTOR.wrap(trickle(text.getBytes(UTF_8)))));
  }

  @Test
  void partialLineIsHeldUntilItsNewline() throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    OutputStream out = REDACTOR.wrap(target);
    out.write("done\nOPENAI_API_KEY=ab".getBytes(UTF_8));
    out.flush();
    assertEquals("done\n", target.toString(UTF_8));
    out.write("cd\nmore".getBytes(UTF_8));
    assertEquals("done\nOPENAI_API_KEY=" + R + "\n", target.toString(UTF_8));
    out.close();
    assertEquals("done\nOPENAI_API_KEY=" + R + "\nmore", target.toString(UTF_8));
  }

  @Test
  void trailingPartialLineIsRedactedAtEndOfStream() throws IOException {
    assertEquals(
        "x " + R, readAll(REDACTOR.wrap(new ByteArrayInputStream(("x " + VALUE).getBytes(UTF_8)))));
  }

  @Test
  void unchangedLinesPassThroughByteForByte() throws IOException {
    byte[] raw = {'o', 'k', (byte) 0xff, (byte) 0xc3, '\n', 'x', (byte) 0x80};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    REDACTOR.copy(new ByteArrayInputStream(raw), out);
    assertArrayEquals(raw, out.toByteArray());
  }

  @Test
  void readerRedactsLikeWholeText() throws IOException {
    String text = "line OPENAI_API_KEY: 'q w'\r\n" + VALUE + "\nghp_abc";
    Reader reader = REDACTOR.wrap(new StringReader(text));
    StringWriter out = new StringWriter();
    reader.transferTo(out);
    assertEquals(REDACTOR.redact(text), out.toString());
  }

  @Test
  void writerHoldsPartialLineUntilClose() throws IOException {
    StringWriter target = new StringWriter();
    Writer writer = REDACTOR.wrap(target);
    writer.write("OPENAI_API_KEY=se");
    writer.flush();
    assertEquals("", target.toString());
    writer.write("cret");
    writer.close();
    assertEquals("OPENAI_API_KEY=" + R, target.toString());
  }

  @Test
  void copyRedactsAndLeavesStreamsOpen() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long read = REDACTOR.copy(new ByteArrayInputStream(("k " + VALUE + "\n").getBytes(UTF_8)), out);
    assertEquals(("k " + VALUE + "\n").length(), read);
    assertEquals("k " + R + "\n", out.toString(UTF_8));
    out.write('!');
  }

  @Test
  void lineSinkDeliversRedactedLogLines() {
    List<LogLine> lines = new ArrayList<>();
    try (RedactingLineSink sink = REDACTOR.lineSink(LogLine.Stream.STDERR, lines::add)) {
      byte[] bytes = ("one OPENAI_API_KEY=abc\r\ntwo " + VALUE + "\nthree").getBytes(UTF_8);
      for (int i = 0; i < bytes.length; i++) {
        sink.write(bytes, i, 1);
      }
    }
    assertEquals(
        List.of(
            LogLine.of(LogLine.Stream.STDERR, "one OPENAI_API_KEY=" + R),
            LogLine.of(LogLine.Stream.STDERR, "two " + R),
            LogLine.of(LogLine.Stream.STDERR, "three", false)),
        lines);
  }

  @Test
  void lineSinkAcceptsTextChunks() {
    List<LogLine> lines = new ArrayList<>();
    RedactingLineSink sink = REDACTOR.lineSink(LogLine.Stream.STDOUT, lines::add);
    sink.write("sk-a");
    sink.write("bc\n");
    sink.close();
    sink.close();
    assertEquals(List.of(LogLine.of(LogLine.Stream.STDOUT, R)), lines);
  }

  @Test
  void wrappedLineConsumerSeesRedactedLines() {
    List<String> seen = new ArrayList<>();
    Consumer<String> lines = REDACTOR.wrapLines(seen::add);
    lines.accept("token " + VALUE);
    assertEquals(List.of("token " + R), seen);
  }

  @Test
  void overLongLineIsRedactedInWindowsAndNeverEmittedRaw() throws IOException {
    Redactor small = REDACTOR.withLineBound(16);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      line.append("word").append(i).append(' ').append(VALUE).append(i % 7 == 0 ? " " : "");
    }
    line.append(" OPENAI_API_KEY = ")
        .append("v".repeat(1000))
        .append(" sk-")
        .append("t".repeat(900));
    line.append(" OPENAI_API_KEY=\"")
        .append("q ".repeat(300))
        .append("\" end\nnext ")
        .append(VALUE);
    String out = readAll(small.wrap(trickle(line.toString().getBytes(UTF_8))));
    assertFalse(out.contains(VALUE), out);
    assertFalse(out.contains("vvvvvvvvv"), "assignment value leaked");
    assertFalse(out.contains("ttttttttt"), "token leaked");
    assertFalse(out.contains("q q"), "quoted value leaked");
    assertTrue(out.endsWith("\" end\nnext " + R), out);
    assertTrue(out.contains("OPENAI_API_KEY = " + R + " " + R), out);
    assertEquals(line.toString().replace(VALUE, "").split(" ")[0], out.split(" ")[0]);
  }

  @Test
  void overLongLineThroughReaderNeverHoldsMoreThanTheBound() throws IOException {
    Redactor small = REDACTOR.withLineBound(1000);
    String chunk = "x".repeat(997) + VALUE.substring(0, 5);
    String text = chunk + VALUE.substring(5) + " tail";
    StringWriter out = new StringWriter();
    small.wrap(new StringReader(text)).transferTo(out);
    assertEquals("x".repeat(997) + R + " tail", out.toString());
  }

  @Test
  void noSecretsStillRedactsTokenShapes() {
    assertEquals("key " + R, Redactor.noSecrets().redact("key xoxb-1-2"));
    assertEquals("OPENAI_API_KEY=abc", Redactor.noSecrets().redact("OPENAI_API_KEY=abc"));
  }

  @Test
  void toStringNamesSecretsButNeverPrintsValues() {
    String description = REDACTOR.toString();
    assertTrue(description.contains("OPENAI_API_KEY"), description);
    assertFalse(description.contains(VALUE), description);
  }

  @Test
  void environmentIsReadOnceThroughTheLookup() {
    List<String> asked = new ArrayList<>();
    Redactor redactor =
        Redactor.create(
            List.of("A_KEY", "B_KEY", "A_KEY"),
            name -> {
              asked.add(name);
              return name.equals("A_KEY") ? "aaaaaaaaaa" : null;
            });
    assertEquals(List.of("A_KEY", "B_KEY"), asked);
    assertEquals(R + " B_KEY=" + R, redactor.redact("aaaaaaaaaa B_KEY=x"));
  }

  @Test
  void blankOrSpacedSecretNameIsRejected() {
    CloudException e =
        assertThrows(CloudException.class, () -> Redactor.create(List.of("A B"), n -> null));
    assertEquals(ErrorCode.INVALID_ARGS, e.code());
    assertThrows(CloudException.class, () -> Redactor.create(List.of(""), n -> null));
  }

  @Test
  void unchangedTextIsReturnedAsIs() {
    String text = "nothing secret here\n";
    assertTrue(text == REDACTOR.redact(text));
  }
}
