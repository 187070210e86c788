package dev.megaplan.cloud.core.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain scalars are typed exactly as PyYAML's {@code safe_load} types them. The expected types and
 * values come from PyYAML itself: {@code scripts/pyyaml-scalar-golden} wrote {@code
 * pyyaml/scalars.tsv}.
 */
class PyYamlTypingTest {
  static Stream<Arguments> scalars() throws IOException {
    try (InputStream in = PyYamlTypingTest.class.getResourceAsStream("/pyyaml/scalars.tsv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertTrue(lines.size() > 100, "the golden file lists " + lines.size() + " scalars");
      return lines.stream()
          .map(line -> line.split("\t", -1))
          .map(cols -> Arguments.of(cols[0], cols[1], cols[2]));
    }
  }

  private static YamlValue value(String scalar) {
    YamlDocuments.Composed composed =
        YamlDocuments.compose("k: " + scalar + "\n", "t.yaml", YamlDocuments.DuplicateKeys.REFUSE);
    return YamlValue.root(composed.root().orElseThrow(), "t.yaml")
        .asMap()
        .written("k")
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0} is {1} {2}")
  @MethodSource("scalars")
  void typedAsPyYamlTypesIt(String scalar, String kind, String expected) {
    YamlValue value = value(scalar);
    switch (kind) {
      case "str" -> assertEquals(expected, value.asString());
      case "int" -> {
        assertTrue(value.isInteger(), value.describe());
        assertEquals(expected, value.scalarValue().toString());
      }
      case "float" -> {
        assertTrue(value.isFloat(), value.describe());
        double actual = (Double) value.scalarValue();
        switch (expected) {
          case "nan" -> assertTrue(Double.isNaN(actual));
          case "inf" -> assertEquals(Double.POSITIVE_INFINITY, actual);
          case "-inf" -> assertEquals(Double.NEGATIVE_INFINITY, actual);
          default -> assertEquals(0, Double.compare(Double.parseDouble(expected), actual));
        }
      }
      case "bool" -> assertEquals(Boolean.parseBoolean(expected), value.asBoolean());
      case "null" -> assertTrue(value.isNull());
      case "date", "datetime" -> {
        assertFalse(value.isString());
        assertTrue(value.describe().startsWith("the date "), value.describe());
      }
      case "error" -> {
        assertFalse(value.isString());
        assertThrows(CloudException.class, value::toJava);
      }
      default -> throw new AssertionError("unknown kind " + kind);
    }
  }
}
