package dev.megaplan.cloud.providers.ssh;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.SshConfig;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.ProviderFactory;
import dev.megaplan.cloud.core.internal.deploy.DeployDirectory;
import java.nio.file.Path;

/**
 * The {@code ssh} provider: any Docker host reached over SSH. Maps cloud.yaml onto {@link
 * SshSettings} in one place, {@link #settings(ProviderContext)}.
 */
public final class SshProviderFactory implements ProviderFactory {
  /**
   * The local environment variable that moves the container's {@code /workspace} (for a docker
   * stand-in that runs container commands on the host itself, as the tests and the speed script
   * do); unset in real use.
   */
  public static final String WORKSPACE_ROOT_VARIABLE = "MEGAPLAN_CLOUD_SSH_WORKSPACE_ROOT";

  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public SshProviderFactory() {}

  @Override
  public String name() {
    return SshProvider.NAME;
  }

  @Override
  public Provider create(ProviderContext context) {
    CloudConfig config = context.config();
    return new SshProvider(
        settings(context),
        dir -> DeployDirectory.render(config, DeployDirectory.Target.SSH, dir).steps());
  }

  /**
   * The settings a configuration asks for: {@code ssh.*}, {@code resources.port}, the local home
   * and environment.
   *
   * @param context the configuration and local environment
   * @return the settings
   * @throws CloudException {@code invalid_spec} when the {@code ssh} section is missing
   */
  public static SshSettings settings(ProviderContext context) {
    CloudConfig config = context.config();
    SshConfig ssh =
        config
            .ssh()
            .orElseThrow(
                () ->
                    new CloudException(
                        ErrorCode.INVALID_SPEC,
                        "provider: ssh needs an ssh section with at least ssh.host"));
    SshSettings.Builder settings =
        SshSettings.builder()
            .host(ssh.host())
            .port(ssh.port())
            .remoteDir(ssh.remoteDir())
            .container(ssh.container())
            .appPort(config.resources().port())
            .home(context.home())
            .environment(context.environment())
            .knownHosts(expand(ssh.knownHosts(), context.home()))
            .config(config);
    String workspace = context.environment().apply(WORKSPACE_ROOT_VARIABLE);
    if (workspace != null && workspace.startsWith("/")) {
      settings.workspaceRoot(workspace);
    }
    config.image().ref().ifPresent(settings::imageRef);
    ssh.user().ifPresent(settings::user);
    ssh.identityFile().ifPresent(file -> settings.identityFile(expand(file, context.home())));
    return settings.build();
  }

  private static Path expand(String path, Path home) {
    if (path.equals("~")) {
      return home;
    }
    if (path.startsWith("~/")) {
      return home.resolve(path.substring(2));
    }
    return Path.of(path);
  }
}
