package dev.megaplan.cloud.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON reader and writer behind the state file and the command outputs. */
class JsonReaderWriterTest {
  @Test
  void readingKeepsMemberOrderAndNumberKinds() {
    Object value =
        JsonReader.parse(
            "{\"z\": 1, \"a\": -2.5e1, \"m\": [true, false, null], \"big\": 123456789012345678901,"
                + " \"s\": \"\\u00e9\\n\\\"q\\\" \\/\"}");
    Map<?, ?> map = (Map<?, ?>) value;
    assertEquals(List.of("z", "a", "m", "big", "s"), new ArrayList<>(map.keySet()));
    assertEquals(1L, map.get("z"));
    assertEquals(new BigDecimal("-2.5e1"), map.get("a"));
    assertEquals(Arrays.asList(true, false, null), map.get("m"));
    assertEquals(new BigDecimal("123456789012345678901"), map.get("big"));
    assertEquals("é\n\"q\" /", map.get("s"));
  }

  @Test
  void writingIsPrettyWithTwoSpaces() {
    Object value =
        JsonReader.parse(
            "{\"a\": [1, {\"b\": null}], \"e\": {}, \"l\": [], \"u\": \"ü\\t\\u0001\"}");
    assertEquals(
        "{\n"
            + "  \"a\": [\n"
            + "    1,\n"
            + "    {\n"
            + "      \"b\": null\n"
            + "    }\n"
            + "  ],\n"
            + "  \"e\": {},\n"
            + "  \"l\": [],\n"
            + "  \"u\": \"ü\\t\\u0001\"\n"
            + "}",
        JsonWriter.write(value));
  }

  @Test
  void whatIsWrittenReadsBackEqual() {
    String text =
        "{\"schema_version\": 0, \"x\": {\"y\": [1, 2.75, \"three\", [], {}]}, \"ok\": false}";
    Object value = JsonReader.parse(text);
    assertEquals(value, JsonReader.parse(JsonWriter.write(value)));
  }

  @Test
  void malformedTextIsRefused() {
    for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]", "{\"a\": tru}", "1 2", "\"open")) {
      assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(bad), bad);
    }
  }
}
