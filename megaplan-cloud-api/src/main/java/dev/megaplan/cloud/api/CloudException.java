package dev.megaplan.cloud.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception the SDK throws: a {@link ErrorCode}, a human message, and structured context
 * (JSON-friendly JDK values: strings, numbers, booleans, lists and maps) that the command line
 * prints next to the code, such as {@code tried_paths} or {@code missing_commands}.
 *
 * <p>Messages and context never carry secret values: everything that quotes remote output is
 * redacted before it is put here.
 */
public final class CloudException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final Map<String, Object> context;

  /**
   * Creates an exception without context.
   *
   * @param code the failure code
   * @param message what went wrong, and where possible how to fix it
   */
  public CloudException(ErrorCode code, String message) {
    this(code, message, Map.of(), null);
  }

  /**
   * Creates an exception with structured context.
   *
   * @param code the failure code
   * @param message what went wrong
   * @param context extra fields for the error JSON; copied, insertion order kept
   */
  public CloudException(ErrorCode code, String message, Map<String, ?> context) {
    this(code, message, context, null);
  }

  /**
   * Creates an exception that wraps a cause. When the cause is an {@link InterruptedException} the
   * current thread's interrupt flag is restored.
   *
   * @param code the failure code
   * @param message what went wrong
   * @param context extra fields for the error JSON; copied, insertion order kept
   * @param cause the underlying failure, or null
   */
  public CloudException(ErrorCode code, String message, Map<String, ?> context, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
    this.context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    if (cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The failure code.
   *
   * @return the code
   */
  public ErrorCode code() {
    return code;
  }

  /**
   * Extra fields for the error JSON, in insertion order.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> context() {
    return context;
  }

  /**
   * A copy of this exception with one more context field.
   *
   * @param key the field name (snake_case)
   * @param value a JSON-friendly value
   * @return a new exception with the same code, message and cause
   */
  public CloudException withContext(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(context);
    copy.put(key, value);
    CloudException copyException = new CloudException(code, getMessage(), copy, getCause());
    copyException.setStackTrace(getStackTrace());
    return copyException;
  }

  @Override
  public String toString() {
    return "CloudException[" + code.wireName() + "]: " + getMessage();
  }
}
