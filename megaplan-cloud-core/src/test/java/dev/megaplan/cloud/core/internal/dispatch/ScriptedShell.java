package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hand-written remote shell: files to read, one answer for every command, a command log. */
final class ScriptedShell implements RemoteShell {
  final Map<String, String> files = new HashMap<>();
  final List<String> commands = new ArrayList<>();
  final List<Duration> timeouts = new ArrayList<>();
  ExecResult answer = ExecResult.of(0, "", "");

  @Override
  public ExecResult exec(String command, Duration timeout) {
    commands.add(command);
    timeouts.add(timeout);
    return answer;
  }

  @Override
  public void upload(List<Upload> uploads) {
    throw new AssertionError("no upload expected");
  }

  @Override
  public Optional<String> read(String remotePath) {
    return Optional.ofNullable(files.get(remotePath));
  }
}
