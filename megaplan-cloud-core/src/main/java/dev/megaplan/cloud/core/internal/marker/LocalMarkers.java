package dev.megaplan.cloud.core.internal.marker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.core.internal.io.AtomicFiles;
import dev.megaplan.cloud.core.internal.io.Digests;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
   * Reads the marker, one field at a time: any JSON object is a marker, and a field that is missing
   * or malformed is absent while the others are still used (a marker without {@code remote_spec}
   * still tells the provider consistency guard which deployment launched the last chain). A field
   * that would reach a command is absent too when it is unsafe: a workspace or chain log that is
   * not an absolute, normalised path without control characters, a remote spec that is not absolute
   * or holds a control character, a session that is not a safe tmux session name ({@link
   * BoxValues}). A missing file is empty; a file that is not a JSON object, or cannot be read, is
   * logged and read as empty, so a damaged marker never blocks status (the caller falls back to
   * cloud.yaml).
   *
   * @param cloudYaml the cloud.yaml
   * @return the marker, if the file holds a JSON object
   */
  public Optional<LastChainMarker> readLastChain(Path cloudYaml) {
    Path path = lastChainPath(cloudYaml);
    try {
      JsonNode tree = Json.mapper().readTree(Files.readString(path, StandardCharsets.UTF_8));
      if (tree == null || !tree.isObject()) {
        LOG.warn("ignoring local marker {}: not a JSON object", path);
        return Optional.empty();
      }
      List<String> malformed = new ArrayList<>();
      LastChainMarker marker =
          withoutUnsafeFields(LastChainMarker.read(tree, malformed), malformed);
      if (!malformed.isEmpty()) {
        LOG.warn("local marker {}: ignoring malformed fields {}", path, malformed);
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

  /** The marker without its unsafe command-bound fields, each named in {@code malformed}. */
  private static LastChainMarker withoutUnsafeFields(
      LastChainMarker marker, List<String> malformed) {
    // the remote spec is normalised where it is used; it only has to be absolute and clean
    String remoteSpec =
        safe(
            "remote_spec",
            marker.remoteSpec(),
            v ->
                BoxValues.textProblem(v)
                    .or(
                        () ->
                            v.startsWith("/")
                                ? Optional.empty()
                                : Optional.of("must be an absolute path (starting with /)")),
            malformed);
    String workspace = safe("workspace", marker.workspace(), BoxValues::pathProblem, malformed);
    String session =
        safe("chain_session", marker.chainSession(), BoxValues::sessionProblem, malformed);
    String chainLog = safe("chain_log", marker.chainLog(), BoxValues::pathProblem, malformed);
    return new LastChainMarker(
        remoteSpec,
        marker.startedAt(),
        marker.baseBranch(),
        marker.provenance(),
        workspace,
        session,
        chainLog,
        marker.extraRepos(),
        marker.provider(),
        marker.providerIdentity());
  }

  private static String safe(
      String name,
      String value,
      Function<String, Optional<String>> problem,
      List<String> malformed) {
    Optional<String> found = present(value).flatMap(problem);
    if (found.isPresent()) {
      malformed.add(name + " (" + found.get() + ")");
      return null;
    }
    return value;
  }

  private static Optional<String> present(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
