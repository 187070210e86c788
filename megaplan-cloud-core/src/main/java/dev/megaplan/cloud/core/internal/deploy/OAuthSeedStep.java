package dev.megaplan.cloud.core.internal.deploy;

import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.CodexAuth;
import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.core.internal.dispatch.OAuthSeeder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The last step of a successful deploy (08 {@code deploy}): seed the local Codex/Hermes OAuth files
 * onto the box ({@link OAuthSeeder}), best effort. A provider on this very machine needs no seeding
 * and gets no step; {@code codex_auth: apikey} gets a {@code skipped} step; a file that could not
 * be seeded makes the step a {@code warning} (and a report warning), never a failed deploy.
 */
public final class OAuthSeedStep {
  /** The step's name. */
  public static final String NAME = "seed oauth";

  private OAuthSeedStep() {}

  /**
   * The report with the seed step appended, when it applies.
   *
   * @param report what the provider's deploy returned
   * @param config the configuration
   * @param provider the provider
   * @param home the local home directory (where {@code ~/.codex/auth.json} is)
   * @param redact the session's redaction, applied to failure reasons
   * @param progress where the step's line goes
   * @return the report, unchanged when the deploy failed or the box is this machine
   */
  public static DeployReport append(
      DeployReport report,
      CloudConfig config,
      Provider provider,
      Path home,
      UnaryOperator<String> redact,
      Consumer<String> progress) {
    if (!report.success() || provider.capabilities().sameMachine()) {
      return report;
    }
    DeployStep.Builder step = DeployStep.builder().name(NAME);
    List<String> warnings = new ArrayList<>(report.warnings());
    if (config.megaplan().codexAuth() == CodexAuth.APIKEY) {
      step.status("skipped").detail("codex_auth is apikey");
    } else if (provider.remoteShell().isEmpty()) {
      step.status("skipped").detail("the '" + provider.name() + "' provider has no remote shell");
    } else {
      List<Map<String, Object>> events = new ArrayList<>();
      int seeded = 0;
      int failed = 0;
      for (Map<String, Object> event :
          OAuthSeeder.seed(home, provider.remoteShell().get(), provider.remoteRoot())) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        if (copy.get("reason") instanceof String reason) {
          copy.put("reason", redact.apply(reason));
        }
        if ("seeded".equals(copy.get("status"))) {
          seeded++;
        } else if ("failed".equals(copy.get("status"))) {
          failed++;
          warnings.add("could not seed " + copy.get("file") + ": " + copy.get("reason"));
        }
        events.add(copy);
      }
      step.status(failed > 0 ? "warning" : "ok")
          .detail(
              seeded
                  + " seeded, "
                  + failed
                  + " failed, "
                  + (events.size() - seeded - failed)
                  + " absent locally")
          .metadata(Map.of("events", events));
    }
    DeployStep done = step.build();
    progress.accept(
        done.name() + ": " + done.status() + done.detail().map(d -> " (" + d + ")").orElse(""));
    return DeployReport.builder().from(report).addSteps(done).warnings(warnings).build();
  }
}
