package dev.megaplan.cloud.core.internal.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the one-line JSON documents the probe scripts print, where every arbitrary value is base64
 * (so file contents with any bytes cannot break the document).
 */
final class ProbeJson {
  private ProbeJson() {}

  /**
   * The last stdout line that starts with {@code {}, parsed. Anything before it (a login banner, a
   * profile's chatter) is ignored.
   */
  static JsonNode document(ExecResult result, String what) {
    String[] lines = result.stdout().split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i].strip();
      if (line.startsWith("{")) {
        try {
          return Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
          throw unparseable(what, result, e.getOriginalMessage());
        }
      }
    }
    throw unparseable(what, result, "no JSON document on stdout");
  }

  static CloudException unparseable(String what, ExecResult result, String why) {
    return new CloudException(
        ErrorCode.PROVIDER_FAILED,
        "The " + what + " printed no readable result (" + why + ", exit " + result.exitCode() + ")",
        Map.of("exit_code", result.exitCode(), "stderr", tail(result.stderr())));
  }

  /** Decodes a base64 text field; a missing or null field reads as empty. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(decode(value.asText()));
  }

  static String decode(String base64) {
    return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  static String tail(String text) {
    String stripped = text.strip();
    return stripped.length() <= 2000 ? stripped : stripped.substring(stripped.length() - 2000);
  }
}
