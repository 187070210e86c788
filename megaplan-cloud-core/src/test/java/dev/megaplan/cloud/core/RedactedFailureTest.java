package dev.megaplan.cloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactedFailureTest {
  private static final String SECRET = "s3cret-value-42";
  private final Redactor redactor = Redactor.create(List.of("TOKEN"), Map.of("TOKEN", SECRET)::get);

  @Test
  void messageAndEveryContextStringAreRedactedAndTheCauseIsDropped() {
    CloudException failure =
        new CloudException(
            ErrorCode.PROVIDER_FAILED,
            "clone failed: " + SECRET,
            Map.of(
                "stderr",
                "TOKEN=abc",
                "tried",
                List.of("a " + SECRET),
                "nested",
                Map.of(SECRET, SECRET),
                "exit_code",
                3),
            new IllegalStateException(SECRET));
    CloudException redacted = redactor.redact(failure);
    assertEquals(ErrorCode.PROVIDER_FAILED, redacted.code());
    assertEquals("clone failed: ***REDACTED***", redacted.getMessage());
    assertEquals("TOKEN=***REDACTED***", redacted.context().get("stderr"));
    assertEquals(List.of("a ***REDACTED***"), redacted.context().get("tried"));
    assertEquals(3, redacted.context().get("exit_code"));
    assertFalse(redacted.context().toString().contains(SECRET));
    assertNull(redacted.getCause());
  }
}
