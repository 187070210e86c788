package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import java.util.Objects;
import java.util.Optional;

/**
 * The chain command a tmux session runs (03 §8): an optional megaplan refresh whose output and
 * failure never stop the start, then megaplan's chain driver, both appending to the chain log.
 *
 * <pre>
 * { REFRESH; } &gt;&gt; LOG 2&gt;&amp;1 || true; MEGAPLAN_TRUSTED_CONTAINER=1 LAUNCHER chain start --spec SPEC [--no-git-refresh] [--one] &gt;&gt; LOG 2&gt;&amp;1
 * </pre>
 *
 * <p>A {@code GITHUB_TOKEN} in the box's environment reaches git only through a credential helper
 * that reads the variable when git asks for a password: the token never appears in the URL, an
 * argument, the command text or {@code .git/config}.
 *
 * @param launcher {@code megaplan.command}, a shell fragment inserted as written
 * @param remoteSpec the remote chain spec path
 * @param logPath the chain log path
 * @param noGitRefresh whether to pass {@code --no-git-refresh}
 * @param oneShot whether to pass {@code --one} (the supervisor's restarts)
 * @param refresh the megaplan refresh, or empty to run none
 */
public record ChainCommand(
    String launcher,
    String remoteSpec,
    String logPath,
    boolean noGitRefresh,
    boolean oneShot,
    Optional<MegaplanRefresh> refresh) {

  /**
   * The git wrapper the refresh uses: a credential helper that reads {@code $GITHUB_TOKEN} at run
   * time (the {@code $} stays literal in every command text), prompts disabled.
   */
  static final String GIT_WITH_TOKEN_HELPER =
      "mp_git() { if [ -n \"${GITHUB_TOKEN:-}\" ]; then GIT_TERMINAL_PROMPT=0 git"
          + " -c credential.helper="
          + " -c 'credential.helper=!f() { echo username=x-access-token;"
          + " echo \"password=$GITHUB_TOKEN\"; }; f' \"$@\";"
          + " else GIT_TERMINAL_PROMPT=0 git \"$@\"; fi; }";

  /** Checks the components. */
  public ChainCommand {
    Objects.requireNonNull(launcher, "launcher");
    Objects.requireNonNull(remoteSpec, "remoteSpec");
    Objects.requireNonNull(logPath, "logPath");
    Objects.requireNonNull(refresh, "refresh");
  }

  /**
   * This command as a one-shot tick ({@code --one}), as the supervisor restarts it.
   *
   * @return the copy
   */
  public ChainCommand withOneShot() {
    return new ChainCommand(launcher, remoteSpec, logPath, noGitRefresh, true, refresh);
  }

  /**
   * The directory holding the chain log, to be created before the session starts.
   *
   * @return the parent directory of {@link #logPath()}
   */
  public String logDirectory() {
    return RemotePaths.parent(logPath);
  }

  /**
   * The shell text, to be given to tmux as one word.
   *
   * @return the command
   */
  public String render() {
    String log = quote(logPath);
    StringBuilder text = new StringBuilder();
    refresh.ifPresent(
        r ->
            text.append("{ ")
                .append(refreshText(r))
                .append("; } >> ")
                .append(log)
                .append(" 2>&1 || true; "));
    text.append("MEGAPLAN_TRUSTED_CONTAINER=1 ")
        .append(launcher)
        .append(" chain start --spec ")
        .append(quote(remoteSpec));
    if (noGitRefresh) {
      text.append(" --no-git-refresh");
    }
    if (oneShot) {
      text.append(" --one");
    }
    return text.append(" >> ").append(log).append(" 2>&1").toString();
  }

  private static String refreshText(MegaplanRefresh refresh) {
    String src = quote(refresh.srcPath());
    StringBuilder text = new StringBuilder(GIT_WITH_TOKEN_HELPER).append("; ");
    text.append("if [ ! -d ").append(quote(refresh.srcPath() + "/.git")).append(" ]; then ");
    if (refresh.repoUrl().isPresent()) {
      text.append("echo ")
          .append(
              quote(
                  "megaplan refresh: cloning megaplan at "
                      + refresh.ref()
                      + " into "
                      + refresh.srcPath()))
          .append("; mp_git clone --branch ")
          .append(quote(refresh.ref()))
          .append(" -- ")
          .append(quote(refresh.repoUrl().get()))
          .append(' ')
          .append(src)
          .append(" || echo 'megaplan refresh: clone failed'; ");
    } else {
      text.append("echo ")
          .append(
              quote(
                  "megaplan refresh: megaplan clone missing at "
                      + refresh.srcPath()
                      + "; skipping refresh"))
          .append("; ");
    }
    text.append("fi; if [ -d ")
        .append(quote(refresh.srcPath() + "/.git"))
        .append(" ]; then mp_git -C ")
        .append(src)
        .append(" pull --ff-only; pip install -e ")
        .append(src)
        .append("; fi");
    return text.toString();
  }
}
