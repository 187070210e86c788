package dev.megaplan.cloud.providers.ssh.internal;

import com.jcraft.jsch.Logger;
import dev.megaplan.cloud.core.internal.timing.PhaseLog;

/**
 * Turns JSch's connection log into phase marks (see {@link PhaseLog}): TCP connect, version
 * exchange, key exchange (with the algorithm chosen), authentication. Installed on a connection
 * only when phase timing is on. JSch's own text never reaches the log: each known message becomes a
 * fixed phase name, and only the negotiated algorithm names are passed on.
 */
final class JschPhaseLogger implements Logger {
  @Override
  public boolean isEnabled(int level) {
    return true;
  }

  @Override
  public void log(int level, String message) {
    if (message == null) {
      return;
    }
    if (message.startsWith("Connecting to ")) {
      PhaseLog.mark("ssh.tcp.connect");
    } else if (message.startsWith("Connection established")) {
      PhaseLog.mark("ssh.tcp.connected");
    } else if (message.startsWith("Remote version string")) {
      PhaseLog.mark("ssh.version.received");
    } else if (message.startsWith("SSH_MSG_KEXINIT sent")) {
      PhaseLog.mark("ssh.kex.init_sent");
    } else if (message.startsWith("SSH_MSG_KEXINIT received")) {
      PhaseLog.mark("ssh.kex.init_received");
    } else if (message.startsWith("kex: algorithm: ")) {
      PhaseLog.mark("ssh.kex.algorithm", algorithm(message, "kex: algorithm: "));
    } else if (message.startsWith("kex: host key algorithm: ")) {
      PhaseLog.mark("ssh.kex.host_key_algorithm", algorithm(message, "kex: host key algorithm: "));
    } else if (message.endsWith("_INIT sent") && message.startsWith("SSH_MSG_KEX")) {
      PhaseLog.mark("ssh.kex.dh_init_sent");
    } else if (message.startsWith("SSH_MSG_NEWKEYS sent")) {
      PhaseLog.mark("ssh.kex.newkeys_sent");
    } else if (message.startsWith("SSH_MSG_NEWKEYS received")) {
      PhaseLog.mark("ssh.kex.done");
    } else if (message.startsWith("Authentication succeeded")) {
      PhaseLog.mark("ssh.auth.done");
    } else if (message.startsWith("CheckCiphers")
        || message.startsWith("CheckKexes")
        || message.startsWith("CheckSignatures")
        || message.startsWith("CheckMacs")) {
      PhaseLog.mark("ssh.algorithms_checked");
    }
  }

  /** The algorithm name after the prefix, kept only when it looks like one. */
  private static String algorithm(String message, String prefix) {
    String name = message.substring(prefix.length()).strip();
    return name.matches("[A-Za-z0-9@._+-]{1,80}") ? name : "?";
  }
}
