package dev.megaplan.cloud.providers.local.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The environment of every {@code docker} child: only what Docker's CLI reads to find its engine
 * and configuration, never the secrets (those go into {@code .env} only).
 */
public final class LocalEnvironment {
  /** The variables passed through when set. */
  public static final List<String> PASSED =
      List.of(
          "PATH",
          "HOME",
          "USER",
          "LANG",
          "LC_ALL",
          "TERM",
          "TMPDIR",
          "XDG_RUNTIME_DIR",
          "DOCKER_HOST",
          "DOCKER_CONTEXT",
          "DOCKER_CONFIG",
          "DOCKER_CERT_PATH",
          "DOCKER_TLS_VERIFY",
          "DOCKER_BUILDKIT",
          "COMPOSE_DOCKER_CLI_BUILD",
          "BUILDKIT_PROGRESS");

  private LocalEnvironment() {}

  /**
   * The child environment.
   *
   * @param lookup the local environment (null for unset)
   * @return the variables to pass
   */
  public static Map<String, String> of(Function<String, String> lookup) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String name : PASSED) {
      String value = lookup.apply(name);
      if (value != null) {
        environment.put(name, value);
      }
    }
    environment.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
    environment.putIfAbsent("LANG", "C.UTF-8");
    return environment;
  }
}
