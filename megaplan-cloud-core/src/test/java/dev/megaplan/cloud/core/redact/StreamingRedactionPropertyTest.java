package dev.megaplan.cloud.core.redact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.megaplan.cloud.api.LogLine;
import dev.megaplan.cloud.core.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random text with secrets injected at random offsets, read and written in random chunk sizes (from
 * one byte up). Runs {@value #CASES} cases per property from a random base seed, printed on
 * failure; rerun one with {@code -Dredact.seed=<seed>}.
 */
class StreamingRedactionPropertyTest {
  private static final int CASES = 300;
  private static final String[] NAMES = {"API_KEY", "a.b+c", "$TOK", "Ü_KEY", "DB_PASS"};
  private static final String VALUE_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+?[](){}|^$\\-_éß中";
  private static final String[] WORDS = {
    "the", "run", "status", "ok", "ERROR", "12:03:04", "task-force", "risk", "=", ":", " = ", "\"",
    "'", "\\", "\t", "  ", "é", "中文", "🔑", "sk-", "ghp_", "xoxb-", "sk-abc_d-9", "ghp_Zx9",
    "xoxb-1-2", "mysk-abc", "*", "REDACTED", ",", ";", "\r"
  };

  /** One generated case: a redactor and a text. */
  private static final class Case {
    final Redactor redactor;
    final List<String> literals = new ArrayList<>();
    final String text;

    Case(Random random, int maxLineLength, int lineBound) {
      Map<String, String> env = new HashMap<>();
      for (String name : NAMES) {
        if (random.nextInt(4) > 0) {
          env.put(name, randomValue(random, 1 + random.nextInt(24)));
        }
      }
      if (env.containsKey("API_KEY") && env.containsKey("DB_PASS")) {
        env.put("DB_PASS", "x" + env.get("API_KEY") + "y");
      }
      for (String value : env.values()) {
        if (value.length() >= Redactor.MIN_LITERAL_LENGTH) {
          literals.add(value);
        }
      }
      redactor = Redactor.create(List.of(NAMES), env::get).withLineBound(lineBound);
      List<String> pool = new ArrayList<>(List.of(WORDS));
      for (String name : NAMES) {
        pool.add(name);
        pool.add(name + "=");
        pool.add(name + ": \"");
      }
      pool.addAll(env.values());
      text = randomText(random, pool, maxLineLength, new ArrayList<>(env.values()));
    }

    private static String randomValue(Random random, int length) {
      StringBuilder value = new StringBuilder();
      for (int i = 0; i < length; i++) {
        value.append(VALUE_CHARS.charAt(random.nextInt(VALUE_CHARS.length())));
      }
      return value.toString();
    }

    private static String randomText(
        Random random, List<String> pool, int maxLineLength, List<String> secrets) {
      StringBuilder text = new StringBuilder();
      int lines = random.nextInt(12);
      for (int i = 0; i < lines; i++) {
        int length = random.nextInt(maxLineLength + 1);
        StringBuilder line = new StringBuilder();
        while (line.length() < length) {
          line.append(pool.get(random.nextInt(pool.size())));
          if (random.nextBoolean()) {
            line.append(' ');
          }
        }
        text.append(line).append(random.nextInt(4) == 0 ? "\r\n" : "\n");
      }
      if (random.nextBoolean()) {
        text.append("tail without newline");
      }
      for (int i = 0; i < 6 && !secrets.isEmpty(); i++) {
        int at = random.nextInt(text.length() + 1);
        if (at > 0 && Character.isHighSurrogate(text.charAt(at - 1))) {
          at--;
        }
        text.insert(at, secrets.get(random.nextInt(secrets.size())));
      }
      return text.toString();
    }
  }

  private static long baseSeed() {
    return Long.getLong("redact.seed", new Random().nextLong());
  }

  @Test
  void streamingEqualsWholeTextRedactionForLinesWithinTheBound() throws IOException {
    long base = baseSeed();
    for (int i = 0; i < CASES; i++) {
      long seed = base + i;
      Random random = new Random(seed);
      Case c = new Case(random, 200, Redactor.DEFAULT_LINE_BOUND);
      String expected = c.redactor.redact(c.text);
      String context = "seed " + seed + " (-Dredact.seed=" + seed + ")";
      assertEquals(expected, viaInputStream(c, random), context + " InputStream");
      assertEquals(expected, viaReader(c, random), context + " Reader");
      assertEquals(expected, viaOutputStream(c, random), context + " OutputStream");
      assertEquals(expected.replace("\r\n", "\n"), viaLineSink(c, random), context + " sink");
    }
  }

  @Test
  void streamingNeverEmitsASecretValueWhateverTheLineLength() throws IOException {
    long base = baseSeed();
    for (int i = 0; i < CASES; i++) {
      long seed = base + i;
      Random random = new Random(seed);
      Case c = new Case(random, 3000, 1 + random.nextInt(200));
      String context = "seed " + seed + " (-Dredact.seed=" + seed + ")";
      assertNoLiteral(c, viaInputStream(c, random), context + " InputStream");
      assertNoLiteral(c, viaReader(c, random), context + " Reader");
      assertNoLiteral(c, viaOutputStream(c, random), context + " OutputStream");
      assertNoLiteral(c, viaLineSink(c, random), context + " sink");
    }
  }

  private static void assertNoLiteral(Case c, String output, String context) {
    for (String literal : c.literals) {
      if (output.contains(literal)) {
        fail(context + ": output contains the secret value at " + output.indexOf(literal));
      }
    }
  }

  private static String viaInputStream(Case c, Random random) throws IOException {
    InputStream in = c.redactor.wrap(chunked(c.text.getBytes(UTF_8), random));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64];
    int n;
    while ((n = in.read(buffer, 0, 1 + random.nextInt(buffer.length))) >= 0) {
      out.write(buffer, 0, n);
    }
    return out.toString(UTF_8);
  }

  private static String viaReader(Case c, Random random) throws IOException {
    Reader source =
        new StringReader(c.text) {
          @Override
          public int read(char[] chars, int offset, int count) throws IOException {
            return super.read(chars, offset, Math.min(count, 1 + random.nextInt(40)));
          }
        };
    Reader in = c.redactor.wrap(source);
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[50];
    int n;
    while ((n = in.read(buffer, 0, 1 + random.nextInt(buffer.length))) >= 0) {
      out.append(buffer, 0, n);
    }
    return out.toString();
  }

  private static String viaOutputStream(Case c, Random random) throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    try (OutputStream out = c.redactor.wrap(target)) {
      byte[] bytes = c.text.getBytes(UTF_8);
      int at = 0;
      while (at < bytes.length) {
        int n = Math.min(bytes.length - at, 1 + random.nextInt(48));
        out.write(bytes, at, n);
        at += n;
      }
    }
    return target.toString(UTF_8);
  }

  private static String viaLineSink(Case c, Random random) {
    StringBuilder out = new StringBuilder();
    try (RedactingLineSink sink =
        c.redactor.lineSink(
            LogLine.Stream.STDOUT,
            line -> out.append(line.text()).append(line.complete() ? "\n" : ""))) {
      byte[] bytes = c.text.getBytes(UTF_8);
      int at = 0;
      while (at < bytes.length) {
        int n = Math.min(bytes.length - at, 1 + random.nextInt(48));
        sink.write(bytes, at, n);
        at += n;
      }
    } catch (UncheckedIOException e) {
      throw e;
    }
    return out.toString();
  }

  private static InputStream chunked(byte[] bytes, Random random) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(40)));
      }
    };
  }
}
