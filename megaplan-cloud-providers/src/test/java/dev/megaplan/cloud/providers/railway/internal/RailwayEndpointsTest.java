package dev.megaplan.cloud.providers.railway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.RailwayConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the API and the relay are, and which token header is sent. */
class RailwayEndpointsTest {
  @Test
  void defaultsAreRailwaysPublicEndpoints() {
    RailwayEndpoints endpoints =
        RailwayEndpoints.resolve(RailwayConfig.builder().build(), name -> null);
    assertEquals("https://backboard.railway.com/graphql/v2", endpoints.api().toString());
    assertEquals("wss://backboard.railway.com/relay", endpoints.relay());
  }

  @Test
  void theConfigSetsTheApiAndTheEnvironmentOverridesBoth() {
    RailwayConfig config = RailwayConfig.builder().apiUrl("https://proxy.example/graphql").build();
    assertEquals(
        "https://proxy.example/graphql",
        RailwayEndpoints.resolve(config, name -> null).api().toString());
    Map<String, String> env =
        Map.of(
            "RAILWAY_API_URL",
            "http://127.0.0.1:9/gql",
            "RAILWAY_RELAY_URL",
            "ws://127.0.0.1:9/relay");
    RailwayEndpoints endpoints = RailwayEndpoints.resolve(config, env::get);
    assertEquals("http://127.0.0.1:9/gql", endpoints.api().toString());
    assertEquals("ws://127.0.0.1:9/relay", endpoints.relay());
  }

  @Test
  void aRelayUrlThatIsNotAWebSocketIsInvalidSpec() {
    CloudException failure =
        assertThrows(
            CloudException.class,
            () ->
                RailwayEndpoints.resolve(
                    RailwayConfig.builder().build(),
                    Map.of("RAILWAY_RELAY_URL", "https://x")::get));
    assertEquals(ErrorCode.INVALID_SPEC, failure.code());
  }

  @Test
  void theAccountTokenWinsAndNeitherTokenShowsInToString() {
    RailwayAuth both =
        RailwayAuth.find(Map.of("RAILWAY_API_TOKEN", "acct-123", "RAILWAY_TOKEN", "proj-456")::get)
            .orElseThrow();
    assertEquals("Authorization", both.header());
    assertEquals("Bearer acct-123", both.value());
    assertFalse(both.projectToken());
    assertFalse(both.toString().contains("acct-123"));
    RailwayAuth project = RailwayAuth.find(Map.of("RAILWAY_TOKEN", "proj-456")::get).orElseThrow();
    assertEquals("Project-Access-Token", project.header());
    assertTrue(project.projectToken());
    assertTrue(RailwayAuth.find(Map.of("RAILWAY_TOKEN", "  ")::get).isEmpty());
  }
}
