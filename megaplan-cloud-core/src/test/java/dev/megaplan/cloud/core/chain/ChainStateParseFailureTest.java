package dev.megaplan.cloud.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainStateParseFailureTest {
  private static final String PREFIX = "Remote chain state was not valid JSON: ";

  private static CloudException failure(String text) {
    return assertThrows(CloudException.class, () -> ChainStateJson.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{\"a\": ", "", "   ", "{\"a\": 1} trailing", "{} {}"})
  void textThatIsNotJsonIsAProviderFailure(String text) {
    CloudException e = failure(text);
    assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
    assertTrue(e.getMessage().startsWith(PREFIX), e.getMessage());
  }

  @Test
  void theParseErrorSaysWhere() {
    assertTrue(failure("{\n  \"a\": nope\n}").getMessage().contains("line 2"));
  }

  @Test
  void anArrayIsAProviderFailure() {
    CloudException e = failure("[{\"label\": \"m1\"}]");
    assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
    assertEquals(PREFIX + "expected a JSON object, found an array", e.getMessage());
  }

  @Test
  void aStringIsAProviderFailure() {
    assertEquals(
        PREFIX + "expected a JSON object, found a string", failure("\"running\"").getMessage());
  }

  @Test
  void aNumberIsAProviderFailure() {
    assertEquals(PREFIX + "expected a JSON object, found a number", failure("3").getMessage());
  }

  @Test
  void jsonNullIsAProviderFailure() {
    assertEquals(PREFIX + "expected a JSON object, found null", failure("null").getMessage());
  }

  @Test
  void aTreeThatIsNotAnObjectIsAProviderFailure() {
    CloudException e =
        assertThrows(
            CloudException.class,
            () -> ChainStateJson.fromTree(JsonNodeFactory.instance.arrayNode()));
    assertEquals(ErrorCode.PROVIDER_FAILED, e.code());
    assertEquals(PREFIX + "expected a JSON object, found an array", e.getMessage());
  }
}
