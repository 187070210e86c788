package dev.megaplan.cloud.core.internal.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The raw-byte trigger search agrees with the scanner's own test on decoded text: a line holds a
 * trigger exactly when {@link Scanner#mightMatch} says so, whatever the bytes (malformed UTF-8
 * included) and whatever the pattern lengths (one-byte, two-byte and longer names take the three
 * search loops). Random cases from a base seed printed on failure; rerun one with {@code
 * -Dredact.seed=<seed>}.
 */
class ByteTriggersPropertyTest {
  private static final int CASES = 400;
  private static final String[][] NAME_SETS = {
    {}, {"API_KEY", "DB_PASS"}, {"Ü_KEY", "a.b+c"}, {"AB", "TOKEN"}, {"X", "LONG_NAME"}
  };
  private static final String ALPHABET = "abcdefsk-ghp_xoxb-AB XKEY_=:\"' é中🔑\r\t";

  @Test
  void aLineHoldsATriggerExactlyWhenTheScannerMightMatchIt() {
    long base = Long.getLong("redact.seed", new Random().nextLong());
    for (int i = 0; i < CASES; i++) {
      long seed = base + i;
      Random random = new Random(seed);
      String[] names = NAME_SETS[random.nextInt(NAME_SETS.length)];
      List<String> values = new ArrayList<>();
      if (random.nextBoolean()) {
        values.add(randomText(random, 8 + random.nextInt(10)));
      }
      Rules rules = Rules.of(List.of(names), values);
      Scanner scanner = new Scanner(rules);
      ByteTriggers triggers = ByteTriggers.of(rules.names(), rules.values()).orElseThrow();
      byte[] line = randomLine(random, names, values);
      boolean expected = scanner.mightMatch(new String(line, StandardCharsets.UTF_8));
      int found = triggers.find(line, 0, line.length);
      String context = "seed " + seed + " (-Dredact.seed=" + seed + ")";
      assertEquals(expected, found >= 0, context);
      if (found > 0) {
        assertEquals(
            -1, triggers.find(line, 0, found), context + ": the first hit is the leftmost");
      }
    }
  }

  @Test
  void aPatternWithAReplacementCharacterTurnsTheSearchOff() {
    assertTrue(ByteTriggers.of(new String[] {"A\uFFFDB"}, new String[0]).isEmpty());
    assertTrue(ByteTriggers.of(new String[0], new String[] {"12345678\uD800"}).isEmpty());
  }

  private static final int[] CODE_POINTS = ALPHABET.codePoints().toArray();

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
    }
    return text.toString();
  }

  private static byte[] randomLine(Random random, String[] names, List<String> values) {
    List<String> pieces = new ArrayList<>(List.of("sk-", "ghp_", "xoxb-", "s", "k-", "gh"));
    pieces.addAll(List.of(names));
    pieces.addAll(values);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int parts = random.nextInt(12);
    for (int p = 0; p < parts; p++) {
      int kind = random.nextInt(10);
      byte[] bytes;
      if (kind == 0 && !pieces.isEmpty()) {
        bytes = pieces.get(random.nextInt(pieces.size())).getBytes(StandardCharsets.UTF_8);
      } else if (kind == 1) {
        bytes = new byte[] {(byte) (0x80 + random.nextInt(0x80))}; // malformed on its own
      } else {
        bytes = randomText(random, 1 + random.nextInt(6)).getBytes(StandardCharsets.UTF_8);
      }
      if (kind == 2 && bytes.length > 1) {
        bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1); // a cut-off character
      }
      out.write(bytes, 0, bytes.length);
    }
    return out.toByteArray();
  }
}
