package dev.megaplan.cloud.core.redact;

import dev.megaplan.cloud.core.Redactor;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger front that redacts every message after formatting it, so a secret that reaches a
 * log argument (remote output, a command's stderr, an exception message) never reaches a log line.
 * The SDK logs through this wherever a message can quote something from the box.
 */
public final class RedactingLogger {
  private final Logger delegate;
  private final Redactor redactor;

  /**
   * Wraps a logger.
   *
   * @param delegate the SLF4J logger
   * @param redactor the session's redactor
   */
  public RedactingLogger(Logger delegate, Redactor redactor) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  /**
   * Logs at debug level.
   *
   * @param template an SLF4J message template
   * @param arguments its arguments
   */
  public void debug(String template, Object... arguments) {
    if (delegate.isDebugEnabled()) {
      delegate.debug(format(template, arguments));
    }
  }

  /**
   * Logs at info level.
   *
   * @param template an SLF4J message template
   * @param arguments its arguments
   */
  public void info(String template, Object... arguments) {
    if (delegate.isInfoEnabled()) {
      delegate.info(format(template, arguments));
    }
  }

  /**
   * Logs at warn level. A throwable among the arguments is logged by its redacted message only (its
   * stack trace could quote a secret in a cause's message).
   *
   * @param template an SLF4J message template
   * @param arguments its arguments
   */
  public void warn(String template, Object... arguments) {
    if (delegate.isWarnEnabled()) {
      delegate.warn(format(template, arguments));
    }
  }

  private String format(String template, Object[] arguments) {
    Object[] shown = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      shown[i] =
          argument instanceof Throwable throwable
              ? throwable.getClass().getSimpleName() + ": " + throwable.getMessage()
              : argument;
    }
    String message = MessageFormatter.arrayFormat(template, shown).getMessage();
    return redactor.redact(message);
  }
}
