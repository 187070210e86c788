package dev.megaplan.cloud.core.internal.remote;

import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import java.util.List;

/**
 * The remote side of OAuth seeding (03 §5). The seed files themselves travel as {@code
 * RemoteShell.upload} data with mode {@code 0600} (temp file then rename, parents created), so
 * their content is never on a command line. The one command needed beforehand creates the
 * destination directories private: {@code umask 077} makes every directory {@code mkdir -p} creates
 * {@code 0700}; existing directories are left as they are.
 */
public final class OAuthSeedCommand {
  private OAuthSeedCommand() {}

  /**
   * Creates the seed directories ({@code ROOT/.creds}, {@code /root/.codex}, {@code
   * /root/.hermes}).
   *
   * @param directories absolute remote directories
   * @return the shell text
   */
  public static String prepareDirectories(List<String> directories) {
    return "umask 077 && mkdir -p -- " + ShellQuote.join(directories);
  }
}
