package dev.megaplan.cloud.core.internal.deploy;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.core.internal.io.AtomicFileWriter;
import dev.megaplan.cloud.core.internal.io.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders the deploy directory every container provider builds from (07 "Deploy directory"): {@code
 * Dockerfile}, {@code entrypoint.sh}, {@code healthserver.py}, {@code railway.toml} (railway),
 * {@code docker-compose.yaml} (local) and {@code wrappers/}, from the templates kept as resources
 * under {@code dev/megaplan/cloud/core/deploy/}.
 *
 * <p>Every file is rendered in memory first, so an unreplaced placeholder fails before anything is
 * written; then each file is written atomically (scripts {@code 0755}, the rest {@code 0644}), and
 * files a previous rendering wrote that this one no longer has are removed (the list lives in
 * {@value #MANIFEST}). Files the directory holds that were never rendered ({@code .env}, the bind
 * mounted workdir) are left alone. The same configuration renders byte-identical files.
 */
public final class DeployDirectory {
  /** The file listing what the last rendering wrote, relative paths one a line. */
  public static final String MANIFEST = ".megaplan-rendered";

  /** Which provider a deploy directory is for. */
  public enum Target {
    /** Railway: adds {@code railway.toml}. */
    RAILWAY,
    /** Docker Compose on this machine: adds {@code docker-compose.yaml}. */
    LOCAL,
    /** A Docker host over SSH. */
    SSH;

    /**
     * The provider's name in cloud.yaml.
     *
     * @return {@code railway}, {@code local} or {@code ssh}
     */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final List<String> WRAPPERS =
      List.of("run-in-tmux.sh", "supervise-with-backoff.sh", "chain.sh", "heartbeat.sh");

  private DeployDirectory() {}

  /**
   * The files of a target, rendered in memory, in rendering order. Nothing is written.
   *
   * @param config the configuration
   * @param target the provider
   * @return relative path → text
   * @throws CloudException {@code invalid_spec} naming any unreplaced placeholder
   */
  public static Map<String, String> files(CloudConfig config, Target target) {
    Map<String, String> files = new LinkedHashMap<>();
    for (DeployFile file : renderAll(config, target)) {
      files.put(file.path(), file.text());
    }
    return files;
  }

  /**
   * Renders the deploy directory of a target into {@code dir}.
   *
   * @param config the configuration
   * @param target the provider
   * @param dir the directory (created when missing)
   * @return the directory, one {@code render <file>} step per file and each file's SHA-256
   * @throws CloudException {@code invalid_spec} naming any unreplaced placeholder (nothing is
   *     written then); {@code provider_failed} when a file cannot be written
   */
  public static RenderedDeployDir render(CloudConfig config, Target target, Path dir) {
    List<DeployFile> files = renderAll(config, target);
    Path root = dir.toAbsolutePath().normalize();
    AtomicFileWriter writer = new AtomicFileWriter();
    List<DeployStep> steps = new ArrayList<>();
    Map<String, String> digests = new LinkedHashMap<>();
    Set<String> written = new LinkedHashSet<>();
    try {
      Files.createDirectories(root);
      Set<String> previous = readManifest(root);
      for (DeployFile file : files) {
        Path destination = root.resolve(file.path());
        writer.write(destination, file.text().getBytes(StandardCharsets.UTF_8), file.mode());
        String sha256 = Digests.sha256Hex(file.text());
        written.add(file.path());
        digests.put(file.path(), sha256);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("sha256", sha256);
        metadata.put("path", destination.toString());
        steps.add(
            DeployStep.builder()
                .name("render " + file.path())
                .status("ok")
                .metadata(metadata)
                .build());
      }
      for (String stale : previous) {
        if (!written.contains(stale)) {
          Files.deleteIfExists(root.resolve(stale));
        }
      }
      writer.write(
          root.resolve(MANIFEST),
          (String.join("\n", written) + "\n").getBytes(StandardCharsets.UTF_8),
          DeployFile.REGULAR);
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not write the deploy directory " + root + ": " + e.getMessage(),
          Map.of("deploy_dir", root.toString(), "written", List.copyOf(written)),
          e);
    }
    return new RenderedDeployDir(root, steps, digests);
  }

  private static List<DeployFile> renderAll(CloudConfig config, Target target) {
    Map<String, String> values = DeployValues.of(config, target);
    List<DeployFile> files = new ArrayList<>();
    files.add(file("Dockerfile", values, DeployFile.REGULAR));
    files.add(file("entrypoint.sh", values, DeployFile.EXECUTABLE));
    files.add(file("healthserver.py", values, DeployFile.EXECUTABLE));
    if (target == Target.RAILWAY) {
      files.add(file("railway.toml", values, DeployFile.REGULAR));
    }
    if (target == Target.LOCAL) {
      files.add(file("docker-compose.yaml", values, DeployFile.REGULAR));
    }
    for (String wrapper : WRAPPERS) {
      files.add(file("wrappers/" + wrapper, values, DeployFile.EXECUTABLE));
    }
    return files;
  }

  private static DeployFile file(String path, Map<String, String> values, int mode) {
    return new DeployFile(path, Template.load(path + ".tmpl").render(values), mode);
  }

  /** The previous rendering's files; paths leaving the directory are ignored. */
  private static Set<String> readManifest(Path root) throws IOException {
    Path manifest = root.resolve(MANIFEST);
    Set<String> paths = new LinkedHashSet<>();
    if (!Files.isRegularFile(manifest)) {
      return paths;
    }
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      String path = line.strip();
      if (path.isEmpty()
          || path.startsWith("/")
          || !root.resolve(path).normalize().startsWith(root)
          || path.equals(MANIFEST)) {
        continue;
      }
      paths.add(path);
    }
    return paths;
  }
}
