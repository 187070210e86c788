package dev.megaplan.cloud.api.provider;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.util.Optional;

/**
 * A runner box: where it is, what it can do, its remote shell and its lifecycle. One instance
 * serves one session and may hold connections, released by {@link #close()}.
 *
 * <p>Lifecycle operations default to {@code not_implemented} so a provider can grow one operation
 * at a time; a provider's external tools or credentials are checked when an operation needs them,
 * never at class load.
 */
public interface Provider extends AutoCloseable {
  /**
   * The provider's name, as in cloud.yaml.
   *
   * @return the name
   */
  String name();

  /**
   * What this provider can do.
   *
   * @return the capabilities
   */
  Capabilities capabilities();

  /**
   * The box's remote shell, when the provider has one.
   *
   * @return the shell, or empty
   */
  Optional<RemoteShell> remoteShell();

  /**
   * The workspace root on the box ({@code ROOT}: {@code /workspace} on container providers, a real
   * local directory on the host provider).
   *
   * @return an absolute POSIX path
   */
  default String remoteRoot() {
    return "/workspace";
  }

  /**
   * Translates a path written in cloud.yaml or a chain spec into a path on the box. Container
   * providers use paths as written; the host provider maps {@code /workspace/...} under its root.
   * Translation happens once, at the boundary; command text is never rewritten afterwards.
   *
   * @param configuredPath an absolute POSIX path as the user wrote it
   * @return the path on the box
   */
  default String toRemotePath(String configuredPath) {
    return configuredPath;
  }

  /**
   * A hint that remote commands follow shortly (a status read or a supervisor tick is about to
   * start): a provider whose first command pays for a connection may start opening it now, in the
   * background, so the caller's local work overlaps with it. Never fails and never blocks: a
   * connection that cannot be opened fails the first real command exactly as it would without the
   * hint. The default does nothing.
   */
  default void connectAhead() {}

  /**
   * How commands on the box invoke tmux: {@code tmux} on container providers; the host provider
   * names its own server socket ({@code tmux -S '<root>/.megaplan/tmux.sock'}) so it never sees or
   * touches the user's own sessions. Command builders put this prefix in front of every tmux call.
   *
   * @return the shell text that starts a tmux client
   */
  default String tmuxCommand() {
    return "tmux";
  }

  /**
   * What identifies this deployment in local markers: the railway service, the compose project, the
   * ssh host, the host provider's root.
   *
   * @return the identity
   */
  String identity();

  /**
   * Builds the runner (an image, or checks of the host box).
   *
   * @param request what to build from and where progress goes
   * @return the report
   */
  default DeployReport build(DeployRequest request) {
    throw unsupported("build");
  }

  /**
   * Deploys the runner with the configured secrets.
   *
   * @param request what to deploy, the secret values and where progress goes
   * @return the report
   */
  default DeployReport deploy(DeployRequest request) {
    throw unsupported("deploy");
  }

  /** Stops the runner. */
  default void down() {
    throw unsupported("down");
  }

  /** Stops the runner and deletes what it persisted (its volume, its deploy directory). */
  default void destroy() {
    throw unsupported("destroy");
  }

  /**
   * Streams the runner's logs to a sink. Output reaching the sink is raw: callers redact it.
   *
   * @param request follow or tail, and the sink
   */
  default void logs(LogRequest request) {
    throw unsupported("logs");
  }

  /**
   * The objects {@link #deploy} applies, as text a reviewer or a GitOps tool reads (YAML documents
   * for a provider that applies declarative objects), every secret value redacted. Nothing is
   * changed.
   *
   * @return the manifests
   */
  default String manifests() {
    throw unsupported("deploy --print-manifests");
  }

  /**
   * Opens an interactive terminal on a session of the box. Raw: nothing is redacted.
   *
   * @param session the session name, or empty for the provider's default
   * @return the exit status of the attached client
   */
  default int attach(Optional<String> session) {
    throw unsupported("attach");
  }

  /**
   * The error an unsupported operation throws.
   *
   * @param operation the operation's name
   * @return a {@code not_implemented} exception
   */
  default CloudException unsupported(String operation) {
    return new CloudException(
        ErrorCode.NOT_IMPLEMENTED,
        "The '" + name() + "' provider does not support '" + operation + "' yet.");
  }

  /** Releases connections and processes this provider opened. Never throws. */
  @Override
  void close();
}
