package dev.megaplan.cloud.providers.railway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.json.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Uploads a deploy directory and starts a deployment built from it, as {@code railway up} does
 * (railwayapp/cli {@code src/commands/up.rs}; verified there): {@code POST
 * /project/<projectId>/environment/<environmentId>/up?serviceId=<serviceId>} on the API's host, the
 * gzip-compressed tar as the body (the CLI labels it {@code multipart/form-data}), the token in its
 * header; the answer's {@code deploymentId} names the new deployment. A 400 answer's {@code
 * message} is surfaced, redacted. Not idempotent, so never retried.
 */
public final class RailwayUp {
  private static final MediaType LABEL = MediaType.get("multipart/form-data");

  private final OkHttpClient http;
  private final HttpUrl api;
  private final RailwayAuth auth;
  private final Redactor redactor;

  /**
   * Creates the uploader.
   *
   * @param http the HTTP client
   * @param api the GraphQL endpoint (its scheme, host and port are used)
   * @param auth the credential header
   * @param redactor redacts error messages
   */
  public RailwayUp(OkHttpClient http, HttpUrl api, RailwayAuth auth, Redactor redactor) {
    this.http = http;
    this.api = api;
    this.auth = auth;
    this.redactor = redactor;
  }

  /**
   * Uploads the archive and starts the deployment.
   *
   * @param target where
   * @param archive the {@code .tar.gz} bytes
   * @return the new deployment's id, when the answer names one
   */
  public Optional<String> upload(RailwayTarget target, byte[] archive) {
    HttpUrl url =
        new HttpUrl.Builder()
            .scheme(api.scheme())
            .host(api.host())
            .port(api.port())
            .addPathSegment("project")
            .addPathSegment(target.projectId())
            .addPathSegment("environment")
            .addPathSegment(target.environmentId())
            .addPathSegment("up")
            .addQueryParameter("serviceId", target.serviceId())
            .build();
    Request request =
        new Request.Builder()
            .url(url)
            .header(auth.header(), auth.value())
            .header("User-Agent", "megaplan-cloud")
            .post(RequestBody.create(archive, LABEL))
            .build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (response.code() == 401 || response.code() == 403) {
        throw new CloudException(
            ErrorCode.PROVIDER_UNAVAILABLE,
            "Railway rejected the token (HTTP "
                + response.code()
                + ") for the upload: check RAILWAY_API_TOKEN / RAILWAY_TOKEN");
      }
      if (response.code() != 200) {
        String message = body;
        try {
          JsonNode node = Json.mapper().readTree(body);
          if (node != null && node.path("message").isTextual()) {
            message = node.path("message").asText();
          }
        } catch (IOException notJson) {
          // keep the text
        }
        message = message.strip();
        message = message.length() > 300 ? message.substring(0, 300) + "…" : message;
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED,
            redactor.redact(
                "Railway refused the deploy upload (HTTP " + response.code() + "): " + message),
            Map.of("http_status", response.code(), "bytes", archive.length));
      }
      JsonNode node = Json.mapper().readTree(body);
      JsonNode id = node == null ? null : node.path("deploymentId");
      return id != null && id.isTextual() && !id.asText().isEmpty()
          ? Optional.of(id.asText())
          : Optional.empty();
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          redactor.redact("Could not upload the deploy directory to Railway: " + e.getMessage()),
          Map.of("bytes", archive.length));
    }
  }
}
