package dev.megaplan.cloud.providers.railway.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Railway credential and the one header that carries it. {@code RAILWAY_API_TOKEN} (an account
 * or team token) is sent as {@code Authorization: Bearer …}; {@code RAILWAY_TOKEN} (a project
 * token) as {@code Project-Access-Token: …}. The precedence (account token first) and both header
 * names are those of the {@code railway} CLI's source ({@code AuthKind} in {@code
 * src/commands/ssh/mod.rs}, {@code connection.rs}). The token only ever travels in this header,
 * never in a URL.
 *
 * @param header the header name
 * @param value the header value (contains the token)
 * @param projectToken whether this is a project token (scoped to one project and environment)
 */
public record RailwayAuth(String header, String value, boolean projectToken) {
  /** The account or team token's environment variable. */
  public static final String API_TOKEN = "RAILWAY_API_TOKEN";

  /** The project token's environment variable. */
  public static final String PROJECT_TOKEN = "RAILWAY_TOKEN";

  /**
   * The credential found in the environment, if any.
   *
   * @param environment the provider context's environment lookup
   * @return the credential, or empty
   */
  public static Optional<RailwayAuth> find(Function<String, String> environment) {
    String api = environment.apply(API_TOKEN);
    if (api != null && !api.isBlank()) {
      return Optional.of(new RailwayAuth("Authorization", "Bearer " + api.strip(), false));
    }
    String project = environment.apply(PROJECT_TOKEN);
    if (project != null && !project.isBlank()) {
      return Optional.of(new RailwayAuth("Project-Access-Token", project.strip(), true));
    }
    return Optional.empty();
  }

  /**
   * The credential, or {@code provider_unavailable} saying how to provide one.
   *
   * @param environment the environment lookup
   * @return the credential
   */
  public static RailwayAuth require(Function<String, String> environment) {
    return find(environment)
        .orElseThrow(
            () ->
                new CloudException(
                    ErrorCode.PROVIDER_UNAVAILABLE,
                    "No Railway token: export "
                        + API_TOKEN
                        + " (an account or team token) or "
                        + PROJECT_TOKEN
                        + " (a project token). Create one at https://railway.com/account/tokens"
                        + " or in the project's settings → Tokens."));
  }

  @Override
  public String toString() {
    return "RailwayAuth[" + header + ": ***]";
  }
}
