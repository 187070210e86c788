package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The framed answer format, written by the real shell functions under bash and under the system's
 * POSIX sh, read back byte for byte.
 */
class ProbeFramesTest {
  @TempDir Path dir;

  private ExecResult run(String shell, String body) {
    ProcessRunner.Result r =
        ProcessRunner.run(
            List.of(shell, "-c", ProbeFrames.FUNCTIONS + body),
            null,
            Map.of("PATH", "/usr/bin:/bin"),
            Duration.ofSeconds(30));
    return ExecResult.of(r.exitCode(), r.out(), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "sh"})
  void fileContentsArriveExactly(String shell) throws Exception {
    String awkward = "no newline at the end";
    String blank = "two blank lines after\n\n\n";
    String crlf = "windows\r\nline ends\r\n";
    Path a = Files.writeString(dir.resolve("a"), awkward);
    Path b = Files.writeString(dir.resolve("b"), blank);
    Path c = Files.writeString(dir.resolve("c"), crlf);
    Path empty = Files.writeString(dir.resolve("empty"), "");
    ExecResult result =
        run(
            shell,
            "rec probe t\n"
                + ("file_rec a " + quote(a.toString()) + "\n")
                + ("file_rec b " + quote(b.toString()) + "\n")
                + ("file_rec c " + quote(c.toString()) + "\n")
                + ("file_rec empty " + quote(empty.toString()) + "\n")
                + ("file_rec gone " + quote(dir.resolve("gone").toString()) + "\n")
                + ("file_rec dir " + quote(dir.toString()) + "\n")
                + "rec end\n");
    ProbeFrames frames = ProbeFrames.section(result, "test probe", "t");
    List<String> unreadable = new ArrayList<>();
    assertEquals(Optional.of(awkward), frames.file("a", unreadable));
    assertEquals(Optional.of(blank), frames.file("b", unreadable));
    assertEquals(Optional.of(crlf), frames.file("c", unreadable));
    assertEquals(Optional.of(""), frames.file("empty", unreadable));
    assertEquals(Optional.empty(), frames.file("gone", unreadable));
    assertEquals(Optional.empty(), frames.file("dir", unreadable));
    assertEquals(List.of("dir"), unreadable);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "sh"})
  void aCaptureSeparatesStdoutStderrAndTheExitStatus(String shell) {
    ExecResult result =
        run(
            shell,
            "rec probe t\n"
                + "noisy() { printf 'out\\n\\n'; printf 'err 1\\nerr 2\\n\\n' >&2; return 3; }\n"
                + "capture noisy noisy\n"
                + "capture quiet true\n"
                + "capture partial printf 'no newline'\n"
                + "capture missing no-such-command-here\n"
                + "rec end\n");
    ProbeFrames frames = ProbeFrames.section(result, "test probe", "t");
    assertEquals(
        new StatusProbeResult.CommandOutput(3, "out\n\n", "err 1\nerr 2\n\n"),
        frames.output("noisy"));
    assertEquals(new StatusProbeResult.CommandOutput(0, "", ""), frames.output("quiet"));
    assertEquals(
        new StatusProbeResult.CommandOutput(0, "no newline", ""), frames.output("partial"));
    StatusProbeResult.CommandOutput missing = frames.output("missing");
    assertEquals(127, missing.exitCode());
    assertTrue(missing.stderr().contains("no-such-command-here"), missing.stderr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "sh"})
  void twoCapturesRunSideBySideAndBothArrive(String shell) {
    ExecResult result =
        run(
            shell,
            "rec probe t\n"
                + "slow() { sleep 0.3; echo \"$1\"; echo \"e$1\" >&2; return \"$2\"; }\n"
                + "capture left slow L 4 </dev/null | { capture right slow R 5 </dev/null; cat; }\n"
                + "rec end\n");
    ProbeFrames frames = ProbeFrames.section(result, "test probe", "t");
    assertEquals(new StatusProbeResult.CommandOutput(4, "L\n", "eL\n"), frames.output("left"));
    assertEquals(new StatusProbeResult.CommandOutput(5, "R\n", "eR\n"), frames.output("right"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "sh"})
  void whatComesBeforeTheFirstRecordIsIgnored(String shell) {
    ExecResult result =
        run(shell, "echo 'Welcome to the box'\nrec probe t\nrec note x\nprintf body\nrec end\n");
    ProbeFrames frames = ProbeFrames.section(result, "test probe", "t");
    assertEquals("body", frames.find("note", "x").orElseThrow().payload());
    assertFalse(frames.has("probe"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "sh"})
  void anAnswerCutShortIsProviderFailed(String shell) {
    ExecResult cut = run(shell, "rec probe t\nrec note x\nexit 9\n");
    CloudException failure =
        assertThrows(CloudException.class, () -> ProbeFrames.section(cut, "test probe", "t"));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("cut short"), failure.getMessage());
    assertTrue(failure.getMessage().contains("exit 9"), failure.getMessage());

    ExecResult none = run(shell, "echo nothing framed\n");
    CloudException missing =
        assertThrows(CloudException.class, () -> ProbeFrames.section(none, "test probe", "t"));
    assertTrue(missing.getMessage().contains("no t probe answer"), missing.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "sh"})
  void sectionsOfOneAnswerAreReadApart(String shell) {
    ExecResult result =
        run(
            shell,
            "rec probe first\ncapture a echo one\nrec end\n"
                + "rec probe second\ncapture a echo two\nrec end\n");
    assertEquals("one\n", ProbeFrames.section(result, "p", "first").output("a").stdout());
    assertEquals("two\n", ProbeFrames.section(result, "p", "second").output("a").stdout());
    assertTrue(ProbeFrames.hasSection(result, "second"));
    assertFalse(ProbeFrames.hasSection(result, "third"));
  }
}
