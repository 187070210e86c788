package dev.megaplan.cloud.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.LogRequest;
import dev.megaplan.cloud.api.provider.ProviderContext;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import dev.megaplan.cloud.core.ProviderRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakeProviderTest {
  private final FakeProvider box = new FakeProvider();
  private final RemoteShell shell = box.remoteShell().orElseThrow();

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void exactPrefixRegexAndPredicateRulesAnswerTheirCommands() {
    box.when(Match.exactly("tmux ls")).thenReturn(0, "a\n", "");
    box.when(Match.startingWith("cd /workspace")).thenReturn(0, "prefix", "");
    box.when(Match.matching("has-session -t 'megaplan-chain-[a-z]+'")).thenReturn(1, "", "no");
    box.when(Match.where(c -> c.length() > 100, "long")).thenReturn(7, "", "");

    assertEquals("a\n", shell.exec("tmux ls").stdout());
    assertEquals("prefix", shell.exec("cd /workspace/app && status").stdout());
    assertEquals(1, shell.exec("tmux has-session -t 'megaplan-chain-x'").exitCode());
    assertEquals(7, shell.exec("x".repeat(101)).exitCode());
    assertEquals(ExecResult.of(0, "", ""), shell.exec("anything else"));
  }

  @Test
  void laterRulesTakePrecedenceAndTheDefaultAnswerIsConfigurable() {
    box.when(Match.any()).thenReturn(1, "general", "");
    box.when(Match.exactly("special")).thenReturn(0, "specific", "");
    assertEquals("specific", shell.exec("special").stdout());
    assertEquals("general", shell.exec("other").stdout());

    FakeProvider strict = new FakeProvider().defaultAnswer(ExecResult.of(127, "", "unscripted"));
    assertEquals(127, strict.remoteShell().orElseThrow().exec("x").exitCode());
  }

  @Test
  void sequentialAnswersAreGivenInTurnAndTheLastRepeats() {
    box.when(Match.exactly("poll"))
        .thenReturn(ExecResult.of(1, "init", ""), ExecResult.of(0, "running", ""));
    assertEquals("init", shell.exec("poll").stdout());
    assertEquals("running", shell.exec("poll").stdout());
    assertEquals("running", shell.exec("poll").stdout());
  }

  @Test
  void aScriptedFailureIsThrownAndAHungCommandTimesOut() {
    CloudException transport = new CloudException(ErrorCode.PROVIDER_FAILED, "connection reset");
    box.when(Match.exactly("flaky")).thenThrow(transport);
    box.when(Match.exactly("hang")).thenHang();
    List<Duration> slept = new ArrayList<>();
    box.sleeper(slept::add);

    assertSame(transport, assertThrows(CloudException.class, () -> shell.exec("flaky")));
    CloudException timeout =
        assertThrows(CloudException.class, () -> shell.exec("hang", Duration.ofSeconds(9)));
    assertEquals(ErrorCode.PROVIDER_FAILED, timeout.code());
    assertEquals(List.of(Duration.ofSeconds(9)), slept);
  }

  @Test
  void answersCanBeComputedFromTheCommand() {
    box.when(Match.startingWith("echo ")).thenAnswer(c -> ExecResult.of(0, c.substring(5), ""));
    assertEquals("hi", shell.exec("echo hi").stdout());
  }

  @Test
  void theJournalRecordsEveryCallInOrder() {
    shell.exec("one");
    shell.upload(
        List.of(Upload.of("/workspace/a", utf8("a")), Upload.of("/workspace/b", utf8("b"))));
    shell.read("/workspace/a");
    shell.exec("two");

    assertEquals(
        List.of(
            new FakeProvider.Call(FakeProvider.Kind.EXEC, List.of("one")),
            new FakeProvider.Call(
                FakeProvider.Kind.UPLOAD, List.of("/workspace/a", "/workspace/b")),
            new FakeProvider.Call(FakeProvider.Kind.READ, List.of("/workspace/a")),
            new FakeProvider.Call(FakeProvider.Kind.EXEC, List.of("two"))),
        box.journal());
    assertEquals(List.of("one", "two"), box.commands());
    assertEquals(1, box.count(FakeProvider.Kind.UPLOAD));
    box.clearJournal();
    assertEquals(List.of(), box.journal());
  }

  @Test
  void anUploadScriptedToFailLeavesThePreviousContent() {
    box.putFile("/workspace/app/chain.yaml", "previous");
    box.failUploads(Match.exactly("/workspace/app/chain.yaml"), "disk full");

    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> shell.upload(List.of(Upload.of("/workspace/app/chain.yaml", utf8("new")))));

    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("disk full"), failure.getMessage());
    assertEquals(Optional.of("previous"), box.text("/workspace/app/chain.yaml"));
  }

  @Test
  void uploadsKeepModesAndBytes() {
    shell.upload(
        List.of(
            Upload.builder()
                .remotePath("/r/.creds/a.json")
                .content(new byte[] {0, 1})
                .mode(0600)
                .build()));
    assertEquals(0600, box.mode("/r/.creds/a.json").orElseThrow());
    assertEquals(2, box.file("/r/.creds/a.json").orElseThrow().length);
  }

  @Test
  void sessionsLogsAttachAndLifecycleBehaveLikeABox() {
    box.addSession("agent").addSession("megaplan-chain-x");
    box.logLines(List.of("1", "2", "3"));
    List<String> got = new ArrayList<>();
    box.logs(LogRequest.builder().follow(false).tailLines(2).sink(got::add).build());
    assertEquals(List.of("2", "3"), got);
    assertEquals(0, box.attach(Optional.of("agent")));
    assertEquals(
        ErrorCode.INVALID_ARGS,
        assertThrows(CloudException.class, () -> box.attach(Optional.of("nope"))).code());

    box.down();
    assertEquals(List.of(), box.sessions());
    box.putFile("/workspace/x", "x");
    box.destroy();
    assertEquals(List.of(), box.paths());
    box.close();
    assertTrue(box.closed());
  }

  @Test
  void theFactoryIsRegisteredExplicitlyAndRecordsItsContexts() {
    FakeProviderFactory factory = new FakeProviderFactory(box);
    ProviderRegistry registry = ProviderRegistry.of(List.of(factory));
    ProviderContext context =
        ProviderContext.builder()
            .config(
                CloudConfig.builder()
                    .provider("fake")
                    .repo(RepoConfig.builder().url("https://x/app.git").build())
                    .build())
            .environment(name -> null)
            .home(Path.of("/home/u"))
            .build();

    assertSame(box, registry.factory("fake").create(context));
    assertEquals(List.of(context), factory.contexts());
  }
}
