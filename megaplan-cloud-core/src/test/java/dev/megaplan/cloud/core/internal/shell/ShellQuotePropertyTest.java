package dev.megaplan.cloud.core.internal.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.megaplan.cloud.core.testing.RequiredTool;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property tests: arbitrary strings survive {@link ShellQuote#quote} through a real bash, and
 * {@link JsonLiteral} through a real Python and Jackson. The seed is chosen per run and printed in
 * every failure message; rerun one with {@code -Dquote.seed=N}.
 *
 * <p>NUL is never generated: an argument vector cannot carry it (see {@link ShellQuote}); lone
 * surrogates are never generated for the shell: they have no UTF-8 form.
 */
class ShellQuotePropertyTest {
  private static final long SEED = Long.getLong("quote.seed", System.nanoTime());
  private static final int COUNT = 4000;
  private static final int SCRIPT_BUDGET =
      96 * 1024; // UTF-8 bytes: one argv string must stay < 128 KiB
  private static final String SPECIALS = "'\"\\$`(){}[]!*?~#&;|<>-=% \t\n\r^,.:@/";
  private static final int[] ASTRAL = {0x1F600, 0x1F4A9, 0x10000, 0x10FFFF, 0x1F1EB, 0x2070E};

  static List<String> samples(Random random, int count) {
    List<String> values =
        new ArrayList<>(
            List.of(
                "",
                "'",
                "''",
                "\\",
                "-n",
                "--",
                "-e",
                "%s",
                "$(id)",
                "`id`",
                "!!",
                "*",
                "~",
                "\n",
                "a'b\"c\\d",
                "\u0001\u007f",
                "é🎉"));
    while (values.size() < count) {
      values.add(randomString(random));
    }
    return values;
  }

  static String randomString(Random random) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(41);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(8);
      switch (kind) {
        case 0, 1 -> sb.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
        case 2 -> sb.append((char) ('a' + random.nextInt(26)));
        case 3 -> sb.append((char) (1 + random.nextInt(31))); // control chars, no NUL
        case 4 -> sb.append((char) (0x7f + random.nextInt(0x100 - 0x7f))); // DEL, C1, Latin-1
        case 5 -> sb.appendCodePoint(ASTRAL[random.nextInt(ASTRAL.length)]);
        case 6 -> {
          int cp = 0x100 + random.nextInt(0xFFFE - 0x100);
          sb.appendCodePoint(Character.isSurrogate((char) cp) ? 0x4E2D : cp);
        }
        default -> sb.append(random.nextBoolean() ? "$HOME" : "${IFS}");
      }
    }
    return sb.toString();
  }

  private static String seedMessage() {
    return "seed=" + SEED + " (rerun with -Dquote.seed=" + SEED + ")";
  }

  @Test
  void anyStringSurvivesQuotingThroughRealBash() {
    List<String> values = samples(new Random(SEED), COUNT);
    int index = 0;
    while (index < values.size()) {
      StringBuilder script = new StringBuilder("printf '%s\\0'");
      int start = index;
      int scriptBytes = script.length();
      while (index < values.size() && scriptBytes < SCRIPT_BUDGET) {
        String quoted = ShellQuote.quote(values.get(index++));
        script.append(' ').append(quoted);
        scriptBytes += 1 + quoted.getBytes(StandardCharsets.UTF_8).length;
      }
      ProcessRunner.Result result = ProcessRunner.bash(script.toString(), Duration.ofSeconds(30));
      assertEquals(0, result.exitCode(), () -> seedMessage() + " " + result);
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      for (String value : values.subList(start, index)) {
        expected.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        expected.write(0);
      }
      if (!Arrays.equals(expected.toByteArray(), result.stdout())) {
        List<String> batch = values.subList(start, index);
        String[] got = result.out().split("\0", -1);
        for (int i = 0; i < batch.size(); i++) {
          String wanted = batch.get(i);
          String actual = i < got.length ? got[i] : "<missing>";
          assertEquals(
              wanted,
              actual,
              seedMessage() + " value #" + (start + i) + " quoted as " + ShellQuote.quote(wanted));
        }
        assertArrayEquals(expected.toByteArray(), result.stdout(), seedMessage());
      }
    }
  }

  @Test
  void quoteRejectsNul() {
    assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("a\0b"));
  }

  @Test
  void jsonLiteralParsesBackWithJackson() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Random random = new Random(SEED);
    for (String value : samples(random, COUNT)) {
      String literal = JsonLiteral.of(value);
      assertEquals(value, mapper.readValue(literal, String.class), seedMessage() + " " + literal);
      assertEquals(
          true,
          literal.chars().allMatch(c -> c >= 0x20 && c < 0x7f),
          seedMessage() + " " + literal);
    }
  }

  @Test
  void jsonAndPythonLiteralsMatchRealPython() {
    RequiredTool.require("python3", "python3");
    List<String> values = samples(new Random(SEED ^ 0x5DEECE66DL), COUNT);
    // One python3 call for all values: the program (every value as a Python literal) travels on
    // stdin, so no argv length limit applies; -c only compiles and runs it.
    StringBuilder program = new StringBuilder("import sys, json\nvalues = [\n");
    for (String value : values) {
      program.append(JsonLiteral.python(value)).append(",\n");
    }
    program.append(
        "]\nfor v in values:\n"
            + "    sys.stdout.buffer.write(v.encode('utf-8') + b'\\0'"
            + " + json.dumps(v).encode('ascii') + b'\\0')\n");
    ProcessRunner.Result result =
        ProcessRunner.run(
            List.of(
                "python3", "-c", "import sys; exec(compile(sys.stdin.read(), 'literals', 'exec'))"),
            program.toString().getBytes(StandardCharsets.US_ASCII),
            Map.of(),
            Duration.ofSeconds(60));
    assertEquals(0, result.exitCode(), () -> seedMessage() + " " + result);
    String[] parts = result.out().split("\0", -1);
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      assertEquals(
          value, parts[2 * i], seedMessage() + " python literal " + JsonLiteral.python(value));
      assertEquals(parts[2 * i + 1], JsonLiteral.of(value), seedMessage() + " json.dumps differs");
    }
  }
}
