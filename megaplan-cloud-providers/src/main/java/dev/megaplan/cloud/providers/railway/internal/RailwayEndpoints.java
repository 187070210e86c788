package dev.megaplan.cloud.providers.railway.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.RailwayConfig;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Where the GraphQL API and the SSH relay are. The API is {@code railway.api_url} (default {@code
 * https://backboard.railway.com/graphql/v2}), overridden by {@code RAILWAY_API_URL}; the relay is
 * {@code wss://backboard.railway.com/relay} (the {@code railway} CLI's {@code
 * get_relay_host_path}), overridden by {@code RAILWAY_RELAY_URL}. Both overrides exist for proxies
 * and for tests on loopback.
 *
 * @param api the GraphQL endpoint
 * @param relay the relay WebSocket endpoint ({@code ws://} or {@code wss://})
 */
public record RailwayEndpoints(HttpUrl api, String relay) {
  /** The API URL override's environment variable. */
  public static final String API_URL = "RAILWAY_API_URL";

  /** The relay URL override's environment variable. */
  public static final String RELAY_URL = "RAILWAY_RELAY_URL";

  /** Railway's relay, from the {@code railway} CLI's source. */
  public static final String DEFAULT_RELAY = "wss://backboard.railway.com/relay";

  /**
   * Resolves both endpoints.
   *
   * @param config the railway block
   * @param environment the environment lookup
   * @return the endpoints
   */
  public static RailwayEndpoints resolve(
      RailwayConfig config, Function<String, String> environment) {
    String api = override(environment.apply(API_URL), config.apiUrl());
    HttpUrl url = HttpUrl.parse(api);
    if (url == null) {
      throw new CloudException(
          ErrorCode.INVALID_SPEC,
          "The Railway API URL is not an http(s) URL: '" + api + "'",
          Map.of("api_url", api));
    }
    String relay = override(environment.apply(RELAY_URL), DEFAULT_RELAY);
    if (!relay.startsWith("ws://") && !relay.startsWith("wss://")) {
      throw new CloudException(
          ErrorCode.INVALID_SPEC,
          "The Railway relay URL must start with ws:// or wss://: '" + relay + "'",
          Map.of("relay_url", relay));
    }
    return new RailwayEndpoints(url, relay);
  }

  private static String override(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
