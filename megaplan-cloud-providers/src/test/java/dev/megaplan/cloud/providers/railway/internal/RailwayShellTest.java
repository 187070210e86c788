package dev.megaplan.cloud.providers.railway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.Upload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The framing over a transport that behaves as the relay does: real bash here, stdout and stderr
 * merged, stdin written but never closed (the relay has no end-of-file message).
 */
@Timeout(60)
class RailwayShellTest {
  @TempDir Path dir;
  final List<List<String>> argvs = new ArrayList<>();
  final List<String> stdins = new ArrayList<>();

  /** A relay-like transport of local processes. */
  RelayExec local() {
    return new RelayExec() {
      @Override
      public Result run(List<String> argv, String stdin, Duration timeout) {
        argvs.add(argv);
        stdins.add(stdin);
        try {
          Process process =
              new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
          OutputStream in = process.getOutputStream();
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
          in.flush();
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          Thread pump =
              new Thread(
                  () -> {
                    try (InputStream stream = process.getInputStream()) {
                      stream.transferTo(out);
                    } catch (IOException e) {
                      // ends with the process
                    }
                  });
          pump.start();
          if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new CloudException(ErrorCode.PROVIDER_FAILED, "timed out");
          }
          pump.join(5000);
          in.close();
          return new Result(process.exitValue(), out.toByteArray());
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public boolean feedsStdin() {
        return true;
      }

      @Override
      public String describe() {
        return "local test transport";
      }
    };
  }

  @Test
  void execSeparatesTheStreamsTheTransportMerged() {
    RailwayShell shell = new RailwayShell(local());
    assertEquals(
        ExecResult.of(3, "out\r\n", "err"),
        shell.exec("printf 'out\\r\\n'; printf err >&2; exit 3"));
    assertEquals(List.of("bash", "-c"), argvs.get(0).subList(0, 2));
  }

  @Test
  void uploadsTravelOnStdinNeverOnTheCommandLine() throws Exception {
    RailwayShell shell = new RailwayShell(local());
    String secret = "sk-upload-secret-content-424242";
    Path target = dir.resolve("sub/dir/file.json");
    shell.upload(
        List.of(
            Upload.builder()
                .remotePath(target.toString())
                .content(secret.getBytes(StandardCharsets.UTF_8))
                .mode(0600)
                .build(),
            Upload.of(dir.resolve("empty").toString(), new byte[0])));
    assertEquals(secret, Files.readString(target));
    assertEquals("", Files.readString(dir.resolve("empty")));
    assertEquals(Optional.of(secret), shell.read(target.toString()));
    for (List<String> argv : argvs) {
      assertFalse(String.join(" ", argv).contains(secret));
    }
    assertTrue(stdins.get(0).contains("c2stdXBsb2FkLXNlY3JldC1jb250ZW50LTQyNDI0Mg"));
  }

  @Test
  void aTransportThatCannotFeedStdinCannotUpload() {
    RelayExec noStdin =
        new RelayExec() {
          @Override
          public Result run(List<String> argv, String stdin, Duration timeout) {
            throw new AssertionError("must not run");
          }

          @Override
          public boolean feedsStdin() {
            return false;
          }

          @Override
          public String describe() {
            return "the railway CLI";
          }
        };
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> new RailwayShell(noStdin).upload(List.of(Upload.of("/x", new byte[] {1}))));
    assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure.code());
  }

  @Test
  void anAnswerWithoutTheFrameIsProviderFailed() {
    RelayExec garbage =
        new RelayExec() {
          @Override
          public Result run(List<String> argv, String stdin, Duration timeout) {
            return new Result(0, "bash: command not found".getBytes(StandardCharsets.UTF_8));
          }

          @Override
          public boolean feedsStdin() {
            return true;
          }

          @Override
          public String describe() {
            return "garbage";
          }
        };
    CloudException failure =
        assertThrows(CloudException.class, () -> new RailwayShell(garbage).exec("true"));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(failure.getMessage().contains("command not found"), failure.getMessage());
  }
}
