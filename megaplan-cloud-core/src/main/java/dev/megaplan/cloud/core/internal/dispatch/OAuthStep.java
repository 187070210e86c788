package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.config.CodexAuth;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.internal.session.SessionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 5 of a chain launch: seed the Codex/Hermes OAuth files, or say why not ({@code codex_auth:
 * apikey}, or a provider on this very machine, whose agents already read the local files).
 */
final class OAuthStep {
  private OAuthStep() {}

  static Map<String, Object> run(SessionContext context, RemoteShell shell) {
    Map<String, Object> report = new LinkedHashMap<>();
    String skipped = null;
    if (context.config().megaplan().codexAuth() == CodexAuth.APIKEY) {
      skipped = "codex_auth is apikey";
    } else if (context.provider().capabilities().sameMachine()) {
      skipped = "the '" + context.provider().name() + "' provider runs on this machine";
    }
    if (skipped != null) {
      report.put("status", "skipped");
      report.put("reason", skipped);
      report.put("events", List.of());
      return report;
    }
    List<Map<String, Object>> events =
        OAuthSeeder.seed(context.home(), shell, context.provider().remoteRoot());
    report.put("status", "attempted");
    report.put("events", events);
    return report;
  }
}
