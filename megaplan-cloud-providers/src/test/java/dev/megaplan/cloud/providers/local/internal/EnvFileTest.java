package dev.megaplan.cloud.providers.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvFileTest {
  @Test
  void plainValuesAreWrittenAsTheyAreAndOthersSingleQuoted() {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("OPENAI_API_KEY", "sk-abc_DEF.123");
    secrets.put("ODD", "a b#c$d\"e");
    assertEquals(
        "PORT=9090\nOPENAI_API_KEY=sk-abc_DEF.123\nODD='a b#c$d\"e'\n",
        EnvFile.render(9090, secrets));
  }

  @Test
  void aValueDotEnvCannotCarryIsRefusedWithoutPrintingIt() {
    String value = "it's-a-secret-value";
    CloudException e =
        assertThrows(CloudException.class, () -> EnvFile.render(8080, Map.of("TOKEN", value)));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertFalse(e.getMessage().contains(value), e.getMessage());
    assertFalse(e.context().toString().contains(value));
    assertThrows(CloudException.class, () -> EnvFile.render(8080, Map.of("TOKEN", "line1\nline2")));
  }
}
