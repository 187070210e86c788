package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.core.chain.ChainStatePath;
import dev.megaplan.cloud.core.internal.io.Digests;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A chain's stable identity on a shared runner box (spec 03 §2): the digest of its spec stem, seed
 * plan and labels, and the session, workspace, spec, state, log and marker paths derived from it,
 * so many chains share one box without colliding.
 *
 * @param identity {@code <spec stem>:<seed plan or empty>:<labels joined by ,>}
 * @param digest the first 10 hex of SHA-1(identity)
 * @param slug the spec stem, slugged
 * @param session the tmux session ({@code .} of a derived name written {@code _}, as tmux would)
 * @param derivedSession whether the session was derived (not configured explicitly)
 * @param workspace the launch workspace on the box
 * @param derivedWorkspace whether the workspace was derived (not configured explicitly)
 * @param remoteSpec {@code <workspace>/chain.yaml}
 * @param statePath the chain-state path of the remote spec (02)
 * @param chainLog the chain log
 * @param sessionMarker {@code ROOT/.megaplan/cloud-sessions/<session>.json}
 */
public record LaunchContext(
    String identity,
    String digest,
    String slug,
    String session,
    boolean derivedSession,
    String workspace,
    boolean derivedWorkspace,
    String remoteSpec,
    String statePath,
    String chainLog,
    String sessionMarker) {

  /** The session name megaplan's tooling uses when none is configured. */
  public static final String DEFAULT_SESSION = "megaplan-chain";

  private static final Pattern NOT_SLUG = Pattern.compile("[^A-Za-z0-9_.-]+");
  private static final int SLUG_LIMIT = 48;

  /**
   * Derives a chain's launch context.
   *
   * @param specFileName the local spec's file name, for example {@code chain.yaml}
   * @param seedPlan the spec's seed plan
   * @param labels the milestone labels in order
   * @param explicitSession the configured {@code chain_session}, when set
   * @param configuredWorkspace {@code repo.workspace} (already translated to the box)
   * @param workspaceExplicit whether {@code repo.workspace} was written explicitly
   * @param repoUrl {@code repo.url}
   * @param root the box's workspace root ({@code ROOT})
   * @return the context
   */
  public static LaunchContext derive(
      String specFileName,
      Optional<String> seedPlan,
      List<String> labels,
      Optional<String> explicitSession,
      String configuredWorkspace,
      boolean workspaceExplicit,
      String repoUrl,
      String root) {
    String stem = stem(specFileName);
    String identity = stem + ":" + seedPlan.orElse("") + ":" + String.join(",", labels);
    String digest = Digests.sha1Hex(identity).substring(0, 10);
    String slug = slug(stem, "chain");
    String digest8 = digest.substring(0, 8);
    // tmux rewrites '.' in a session name to '_': derive the name tmux will really use
    String session =
        explicitSession.orElse((DEFAULT_SESSION + "-" + slug + "-" + digest8).replace('.', '_'));
    String workspace =
        workspaceExplicit
            ? configuredWorkspace
            : join(root, slug + "-" + digest8 + "/" + slug(repoDirName(repoUrl), "app"));
    String remoteSpec = workspace + "/chain.yaml";
    String logName =
        session.equals(DEFAULT_SESSION) ? "cloud-chain.log" : "cloud-chain-" + session + ".log";
    return new LaunchContext(
        identity,
        digest,
        slug,
        session,
        explicitSession.isEmpty(),
        workspace,
        !workspaceExplicit,
        remoteSpec,
        ChainStatePath.statePath(remoteSpec),
        workspace + "/.megaplan/" + logName,
        join(root, ".megaplan/cloud-sessions/" + session + ".json"));
  }

  /**
   * Slugs a name: every run of characters outside {@code [A-Za-z0-9_.-]} becomes {@code -}, leading
   * and trailing {@code .}/{@code -} are stripped, the result is cut to 48 characters.
   *
   * @param name the name
   * @param fallback what an empty result becomes
   * @return the slug
   */
  public static String slug(String name, String fallback) {
    String slug = NOT_SLUG.matcher(name.toLowerCase(java.util.Locale.ROOT)).replaceAll("-");
    slug = slug.replaceAll("^[.-]+", "").replaceAll("[.-]+$", "");
    if (slug.length() > SLUG_LIMIT) {
      slug = slug.substring(0, SLUG_LIMIT);
    }
    return slug.isEmpty() ? fallback : slug;
  }

  /**
   * The last path segment of a repository URL without {@code .git}.
   *
   * @param repoUrl the URL
   * @return the directory name (may be empty)
   */
  public static String repoDirName(String repoUrl) {
    String trimmed = repoUrl.replaceAll("[/\\\\]+$", "");
    int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':'));
    String last = trimmed.substring(cut + 1);
    return last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  private static String join(String root, String relative) {
    return root.endsWith("/") ? root + relative : root + "/" + relative;
  }
}
