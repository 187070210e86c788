package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A test double of {@link RemoteShell} for core's own tests (the testkit's FakeProvider depends on
 * core, so core cannot use it): answers every exec with a function of its text and records it.
 */
final class ScriptedShell implements RemoteShell {
  final List<String> commands = new ArrayList<>();
  private final Function<String, ExecResult> answer;

  ScriptedShell(Function<String, ExecResult> answer) {
    this.answer = answer;
  }

  @Override
  public ExecResult exec(String command, Duration timeout) {
    commands.add(command);
    return answer.apply(command);
  }

  @Override
  public void upload(List<Upload> uploads) {
    throw new UnsupportedOperationException("the supervisor never uploads");
  }

  @Override
  public Optional<String> read(String remotePath) {
    throw new UnsupportedOperationException("the supervisor reads through its observer");
  }

  long count(String marker) {
    return commands.stream().filter(command -> command.contains(marker)).count();
  }
}
