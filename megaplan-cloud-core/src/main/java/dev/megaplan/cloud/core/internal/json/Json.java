package dev.megaplan.cloud.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The project's one JSON configuration: values render with their snake_case field names, optional
 * values absent from the output are written as {@code null}, pretty output is indented by two
 * spaces with {@code "key": value} separators, like Python's {@code json.dumps(indent=2)}. Every
 * JSON the SDK or the command line prints goes through here.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private static final DefaultPrettyPrinter PRETTY =
      new PythonStylePrinter(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n"))
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private Json() {}

  /**
   * Pretty printing as Python's {@code json.dumps(indent=2)} does it: {@code []} and {@code {}}.
   */
  private static final class PythonStylePrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    PythonStylePrinter(DefaultPrettyPrinter base) {
      super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new PythonStylePrinter(this);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      if (nrOfEntries == 0) {
        _nesting--;
        g.writeRaw('}');
        return;
      }
      super.writeEndObject(g, nrOfEntries);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (nrOfValues == 0) {
        _nesting--;
        g.writeRaw(']');
        return;
      }
      super.writeEndArray(g, nrOfValues);
    }
  }

  /**
   * The shared mapper. Do not reconfigure it.
   *
   * @return the mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Converts a value (an SDK value type, a map, a list) to a JSON tree.
   *
   * @param value the value
   * @return the tree
   */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * Renders a value as pretty JSON, two-space indent, no trailing newline.
   *
   * @param value the value
   * @return the JSON text
   */
  public static String pretty(Object value) {
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Renders a value as compact one-line JSON (JSON Lines).
   *
   * @param value the value
   * @return the JSON text
   */
  public static String compact(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
