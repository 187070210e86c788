package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.core.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redacts a failure before it leaves a dispatch operation (spec 06: error messages that quote
 * remote output are redacted): the message and every text value of the context.
 */
public final class RedactedFailures {
  private RedactedFailures() {}

  /**
   * A copy of the failure with its message and context text redacted.
   *
   * @param failure the failure
   * @param redactor the session's redactor
   * @return the redacted copy (same code, same cause, same stack)
   */
  public static CloudException redact(CloudException failure, Redactor redactor) {
    Map<String, Object> context = new LinkedHashMap<>();
    failure.context().forEach((key, value) -> context.put(key, redactValue(value, redactor)));
    CloudException copy =
        new CloudException(
            failure.code(), redactor.redact(failure.getMessage()), context, failure.getCause());
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  private static Object redactValue(Object value, Redactor redactor) {
    if (value instanceof String text) {
      return redactor.redact(text);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(redactValue(item, redactor)));
      return copy;
    }
    return value;
  }
}
