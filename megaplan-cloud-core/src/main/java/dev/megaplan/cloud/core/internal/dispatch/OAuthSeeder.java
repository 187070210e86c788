package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds the local Codex and Hermes OAuth files onto the box (spec 03 §5), best effort: each file
 * travels as upload data (never on a command line), mode 600, to the volume's {@code .creds} and to
 * the agent's home. One event per file: {@code seeded}, {@code skipped} (absent locally) or {@code
 * failed} (with the reason).
 */
public final class OAuthSeeder {
  private static final int OWNER_ONLY = 0600;

  private record Seed(String local, String volumeName, String agentPath) {}

  private static final List<Seed> SEEDS =
      List.of(
          new Seed(".codex/auth.json", "codex-auth.json", "/root/.codex/auth.json"),
          new Seed(".hermes/auth.json", "hermes-auth.json", "/root/.hermes/auth.json"));

  private OAuthSeeder() {}

  /**
   * Seeds what exists locally.
   *
   * @param home the local home directory
   * @param shell the box's remote shell
   * @param root the box's workspace root
   * @return one event per seed file
   */
  public static List<Map<String, Object>> seed(Path home, RemoteShell shell, String root) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (Seed seed : SEEDS) {
      Path local = home.resolve(seed.local());
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("file", "~/" + seed.local());
      if (!Files.isRegularFile(local)) {
        event.put("status", "skipped");
        event.put("reason", "absent locally");
        events.add(event);
        continue;
      }
      try {
        byte[] content = Files.readAllBytes(local);
        String volumePath =
            (root.endsWith("/") ? root : root + "/") + ".creds/" + seed.volumeName();
        shell.upload(
            List.of(
                Upload.builder().remotePath(volumePath).content(content).mode(OWNER_ONLY).build(),
                Upload.builder()
                    .remotePath(seed.agentPath())
                    .content(content)
                    .mode(OWNER_ONLY)
                    .build()));
        event.put("status", "seeded");
        event.put("destinations", List.of(volumePath, seed.agentPath()));
      } catch (IOException | CloudException e) {
        event.put("status", "failed");
        event.put("reason", e.getMessage());
      }
      events.add(event);
    }
    return events;
  }
}
