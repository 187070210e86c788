package dev.megaplan.cloud.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The YAML subset chain specs are written in, block and flow. */
class YamlSubsetReaderTest {
  private static Object read(String... lines) {
    return YamlSubsetReader.read(String.join("\n", lines) + "\n");
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static final Object MILESTONES =
      map(
          "milestones",
          List.of(
              map("label", "m1", "idea", "ideas/m1.md"),
              map("label", "m2", "idea", "ideas/m2.md", "depends_on", List.of("m1"))));

  @Test
  void blockSequencesOfMappingsIndentedUnderTheirKey() {
    assertEquals(
        MILESTONES,
        read(
            "milestones:",
            "  - label: m1",
            "    idea: ideas/m1.md",
            "  - label: m2",
            "    idea: ideas/m2.md",
            "    depends_on:",
            "      - m1"));
  }

  @Test
  void blockSequencesAtTheirKeysIndentation() {
    assertEquals(
        MILESTONES,
        read(
            "milestones:",
            "- label: m1",
            "  idea: ideas/m1.md",
            "- label: m2",
            "  idea: ideas/m2.md",
            "  depends_on:",
            "  - m1"));
  }

  @Test
  void flowMappingsAndSequences() {
    assertEquals(
        MILESTONES,
        read(
            "milestones:",
            "  - {label: m1, idea: ideas/m1.md}",
            "  - {label: m2, idea: \"ideas/m2.md\", depends_on: [m1]}"));
    assertEquals(
        MILESTONES,
        read(
            "milestones: [{label: m1, idea: ideas/m1.md},",
            "  {label: 'm2', idea: ideas/m2.md,",
            "   depends_on: [ m1 ]}]"));
  }

  @Test
  void commentsDocumentMarkerAndBlankLinesAreIgnored() {
    assertEquals(
        map("base_branch", "main", "seed", map("plan", "p#1"), "notes", "a # b"),
        read(
            "# a chain",
            "---",
            "base_branch: main   # trailing comment",
            "",
            "seed:",
            "  # inside",
            "  plan: p#1",
            "notes: 'a # b'",
            "..."));
  }

  @Test
  void scalarsResolveToBooleansIntegersFloatsAndNulls() {
    Map<?, ?> map =
        (Map<?, ?>)
            read(
                "a: true",
                "b: no",
                "c: 42",
                "d: -7",
                "e: 1.5",
                "f: ~",
                "g:",
                "h: '42'",
                "i: \"true\"",
                "j: 1.2.3",
                "k: null",
                "l: On");
    assertEquals(Boolean.TRUE, map.get("a"));
    assertEquals(Boolean.FALSE, map.get("b"));
    assertEquals(42L, map.get("c"));
    assertEquals(-7L, map.get("d"));
    assertEquals(1.5, map.get("e"));
    assertNull(map.get("f"));
    assertTrue(map.containsKey("g"));
    assertNull(map.get("g"));
    assertEquals("42", map.get("h"));
    assertEquals("true", map.get("i"));
    assertEquals("1.2.3", map.get("j"));
    assertNull(map.get("k"));
    assertEquals(Boolean.TRUE, map.get("l"));
  }

  @Test
  void quotedScalarsAndKeys() {
    assertEquals(
        map("a b", "it's", "c", "tab\there \"q\" \u00e9", "url", "https://example.com/x:y"),
        read(
            "\"a b\": 'it''s'",
            "'c': \"tab\\there \\\"q\\\" \\u00e9\"",
            "url: https://example.com/x:y"));
  }

  @Test
  void blockScalars() {
    assertEquals(
        map("notes", "line one\n  indented # kept\nline three\n", "folded", "a b\nc", "after", 1L),
        read(
            "notes: |",
            "  line one",
            "    indented # kept",
            "  line three",
            "folded: >-",
            "  a",
            "  b",
            "",
            "  c",
            "after: 1"));
  }

  @Test
  void theEmulatorBlockInBothStyles() {
    Object expected =
        map(
            "emulator",
            map(
                "step_ms",
                50L,
                "fail",
                List.of("m2"),
                "prerequisite",
                List.of(),
                "human_verify",
                map("m3", "pending"),
                "pr_number_base",
                7L));
    assertEquals(
        expected,
        read(
            "emulator:",
            "  step_ms: 50",
            "  fail:",
            "    - m2",
            "  prerequisite: []",
            "  human_verify:",
            "    m3: pending",
            "  pr_number_base: 7"));
    assertEquals(
        expected,
        read(
            "emulator: {step_ms: 50, fail: [m2], prerequisite: [], human_verify: {m3: pending},",
            "           pr_number_base: 7}"));
  }

  @Test
  void nestedSequencesAndEmptyValues() {
    assertEquals(
        map("a", List.of(List.of(1L, 2L), Arrays.asList(null, "x")), "b", map()),
        read("a:", "  - - 1", "    - 2", "  -", "    - ", "    - x", "b: {}"));
  }

  @Test
  void anEmptyDocumentIsNull() {
    assertNull(read("# nothing", "---"));
  }

  @Test
  void onlyTheFirstDocumentIsRead() {
    assertEquals(map("a", 1L), read("a: 1", "---", "b: 2"));
  }

  @Test
  void constructsOutsideTheSubsetAreRefusedWithTheirLine() {
    assertRefused("line 2: anchors", "a: 1", "b: &x 2");
    assertRefused("line 1: anchors", "a: !!str 1");
    assertRefused("line 3: unexpected indentation", "a: one", "b: two", "  continued");
    assertRefused("line 1: multi-line or unterminated", "a: \"open");
    assertRefused("line 1: unterminated flow", "a: [1, 2");
    assertRefused("line 2: tabs", "a:", "\tb: 1");
    assertRefused("line 1: complex mapping keys", "? a");
  }

  private static void assertRefused(String message, String... lines) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> read(lines), String.join("\n", lines));
    assertTrue(
        error.getMessage().startsWith(message),
        "expected '" + message + "' but got '" + error.getMessage() + "'");
  }

  @Test
  void keysKeepTheirOrder() {
    Map<?, ?> map = (Map<?, ?>) read("z: 1", "a: 2", "m: 3");
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(map.keySet()));
  }
}
