package dev.megaplan.cloud.core.redact;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.megaplan.cloud.core.Redactor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class RedactingLoggerTest {
  private static final String SECRET = "hunter2-but-longer";
  private final Redactor redactor =
      Redactor.create(List.of("DEPLOY_TOKEN"), Map.of("DEPLOY_TOKEN", SECRET)::get);

  @Test
  void argumentsAreRedactedAfterFormatting() {
    Logger logger = mock(Logger.class);
    when(logger.isWarnEnabled()).thenReturn(true);
    new RedactingLogger(logger, redactor)
        .warn("remote said {} and {}", "token " + SECRET, "DEPLOY_TOKEN=abc");
    verify(logger).warn("remote said token ***REDACTED*** and DEPLOY_TOKEN=***REDACTED***");
  }

  @Test
  void aThrowableIsLoggedByItsRedactedMessageWithoutItsTrace() {
    Logger logger = mock(Logger.class);
    when(logger.isInfoEnabled()).thenReturn(true);
    new RedactingLogger(logger, redactor)
        .info("failed: {}", new IllegalStateException("bad " + SECRET));
    verify(logger).info("failed: IllegalStateException: bad ***REDACTED***");
  }

  @Test
  void disabledLevelsFormatNothing() {
    Logger logger = mock(Logger.class);
    new RedactingLogger(logger, redactor).debug("x {}", SECRET);
    verify(logger, never()).debug(anyString());
  }
}
