package dev.megaplan.cloud.providers.kubernetes.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one Kubernetes API call and turns fabric8's {@link KubernetesClientException} into our
 * {@code provider_failed}, saying what was being done, the HTTP status and the API's message (a
 * {@code 403} with the Role to grant). The API's messages never carry request bodies, so no secret
 * value can reach one.
 */
public final class ApiCalls {
  private ApiCalls() {}

  /**
   * Runs a call.
   *
   * @param call the call
   * @param what what it does, for example {@code read pod ns/runner-0}
   * @param <T> its result
   * @return its result
   * @throws CloudException {@code provider_failed} when it fails
   */
  public static <T> T call(Supplier<T> call, String what) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw failed(what, e);
    }
  }

  /**
   * The error of a failed call.
   *
   * @param what what it did
   * @param e the failure
   * @return {@code provider_failed}
   */
  public static CloudException failed(String what, KubernetesClientException e) {
    Map<String, Object> context = new LinkedHashMap<>();
    if (e.getCode() > 0) {
      context.put("http_status", e.getCode());
    }
    String hint =
        e.getCode() == 403
            ? "; the credentials lack a permission: grant the Role of docs/kubernetes.md"
                + " (megaplan-cloud deploy --print-manifests prints it)"
            : "";
    return new CloudException(
        ErrorCode.PROVIDER_FAILED,
        "Kubernetes API: could not " + what + ": " + describe(e) + hint,
        context);
  }

  /**
   * A failure in one line: the API's status message when there is one, else the cause's.
   *
   * @param e the failure
   * @return the text
   */
  public static String describe(RuntimeException e) {
    if (e instanceof KubernetesClientException k && k.getStatus() != null) {
      String message = k.getStatus().getMessage();
      if (message != null && !message.isBlank()) {
        return (k.getCode() > 0 ? "HTTP " + k.getCode() + ", " : "") + message;
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    String top = e.getMessage();
    if (top != null && !top.isBlank() && !top.equals(message) && !top.startsWith("An error")) {
      return firstLine(top) + " (" + firstLine(message) + ")";
    }
    return firstLine(message);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
