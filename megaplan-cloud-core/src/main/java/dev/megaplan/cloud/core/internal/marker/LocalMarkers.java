package dev.megaplan.cloud.core.internal.marker;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.megaplan.cloud.core.internal.io.AtomicFiles;
import dev.megaplan.cloud.core.internal.io.Digests;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where local markers live: {@code <home>/.megaplan/cloud/markers/<first 16 hex of
 * sha256(cloud.yaml path)>/last_chain.json}, the path made absolute and normalized lexically. Only
 * a launch writes; reading never creates anything (status must work with a read-only home).
 */
public final class LocalMarkers {
  private static final Logger LOG = LoggerFactory.getLogger(LocalMarkers.class);

  private final Path home;

  /**
   * Markers under a home directory.
   *
   * @param home the user's home directory
   */
  public LocalMarkers(Path home) {
    this.home = home;
  }

  /**
   * The marker file for a cloud.yaml.
   *
   * @param cloudYaml the cloud.yaml path (made absolute and normalized lexically)
   * @return the marker's path
   */
  public Path lastChainPath(Path cloudYaml) {
    String key = cloudYaml.toAbsolutePath().normalize().toString();
    return home.resolve(".megaplan/cloud/markers")
        .resolve(Digests.sha256Hex(key).substring(0, 16))
        .resolve("last_chain.json");
  }

  /**
   * Writes the marker atomically.
   *
   * @param cloudYaml the cloud.yaml the launch used
   * @param marker the marker
   */
  public void writeLastChain(Path cloudYaml, LastChainMarker marker) {
    AtomicFiles.write(
        lastChainPath(cloudYaml),
        Json.pretty(marker).concat("\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads the marker. A missing file is empty; an unreadable or corrupt one is logged and read as
   * empty, so a damaged marker never blocks status (the caller falls back to cloud.yaml). A marker
   * whose workspace or chain log is not an absolute, normalised path without control characters,
   * whose remote spec is not absolute or holds a control character, or whose session is not a safe
   * tmux session name ({@link BoxValues}), counts as corrupt: none of its values reaches a command.
   *
   * @param cloudYaml the cloud.yaml
   * @return the marker, if a valid one exists
   */
  public Optional<LastChainMarker> readLastChain(Path cloudYaml) {
    Path path = lastChainPath(cloudYaml);
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      LastChainMarker marker = Json.mapper().readValue(text, LastChainMarker.class);
      if (marker == null || marker.remoteSpec() == null || marker.remoteSpec().isEmpty()) {
        LOG.warn("ignoring local marker {}: it names no remote_spec", path);
        return Optional.empty();
      }
      Optional<String> unsafe = unsafeField(marker);
      if (unsafe.isPresent()) {
        LOG.warn("ignoring local marker {}: {}", path, unsafe.get());
        return Optional.empty();
      }
      return Optional.of(marker);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (JsonProcessingException e) {
      LOG.warn("ignoring corrupt local marker {}: {}", path, e.getOriginalMessage());
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("ignoring unreadable local marker {}: {}", path, e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<String> unsafeField(LastChainMarker marker) {
    Map<String, Optional<String>> problems = new LinkedHashMap<>();
    // the remote spec is normalised where it is used; it only has to be absolute and clean
    problems.put(
        "remote_spec",
        BoxValues.textProblem(marker.remoteSpec())
            .or(
                () ->
                    marker.remoteSpec().startsWith("/")
                        ? Optional.empty()
                        : Optional.of("must be an absolute path (starting with /)")));
    problems.put("workspace", present(marker.workspace()).flatMap(BoxValues::pathProblem));
    problems.put(
        "chain_session", present(marker.chainSession()).flatMap(BoxValues::sessionProblem));
    problems.put("chain_log", present(marker.chainLog()).flatMap(BoxValues::pathProblem));
    for (Map.Entry<String, Optional<String>> entry : problems.entrySet()) {
      if (entry.getValue().isPresent()) {
        return Optional.of("its " + entry.getKey() + " " + entry.getValue().get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> present(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
