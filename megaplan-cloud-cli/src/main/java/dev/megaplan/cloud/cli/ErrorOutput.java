package dev.megaplan.cloud.cli;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.core.internal.json.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints the failure JSON of 08: {@code {"success": false, "error", "message", …context}}. */
final class ErrorOutput {
  private ErrorOutput() {}

  static int print(CloudException e, PrintWriter out, PrintWriter err, boolean debug) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put("error", e.code().wireName());
    body.put("message", e.getMessage());
    e.context().forEach(body::putIfAbsent);
    out.println(Json.pretty(body));
    out.flush();
    if (debug) {
      e.printStackTrace(err);
      err.flush();
    }
    return e.code().exitStatus();
  }
}
