package dev.megaplan.cloud.testkit.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.providers.kubernetes.KubernetesProvider;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** attach: a TTY exec of tmux attach in the pod, keystrokes in, the screen out. */
@Timeout(90)
class KubernetesAttachTest {
  @TempDir Path dir;
  KubernetesBox box;

  @BeforeEach
  void setUp() throws Exception {
    box = new KubernetesBox(dir);
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  /** Types C-b d (tmux's detach) once the screen showed the session, then ends. */
  private static final class DetachAfter extends InputStream {
    private final ByteArrayOutputStream screen;
    private int sent;

    DetachAfter(ByteArrayOutputStream screen) {
      this.screen = screen;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (sent >= 2) {
        return -1;
      }
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!screen.toString(StandardCharsets.UTF_8).contains("hello-attach")
          && System.nanoTime() < deadline) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
      }
      buffer[offset] = sent == 0 ? (byte) 2 : (byte) 'd';
      sent++;
      return 1;
    }
  }

  @Test
  void attachShowsTheSessionOnATerminalAndReturnsWhenItDetaches() {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    box.terminalOut = screen;
    box.terminalIn = new DetachAfter(screen);
    try (KubernetesProvider provider = box.provider(box.config(KubernetesBox.yaml("")))) {
      box.deploy(provider, Map.of());
      assertEquals(
          0,
          provider
              .remoteShell()
              .orElseThrow()
              .exec("tmux new-session -d -s demo -x 80 -y 24 'echo hello-attach; sleep 60'")
              .exitCode());
      int code = provider.attach(Optional.of("demo"));
      assertEquals(0, code, screen.toString(StandardCharsets.UTF_8));
    }
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("hello-attach"), shown);
    assertTrue(shown.contains("detached"), shown);
    KubernetesStandIn.Exec exec = box.execs().get(box.execs().size() - 1);
    assertEquals(java.util.List.of("tmux", "attach", "-t", "demo"), exec.command());
    assertTrue(exec.tty() && exec.stdin(), exec.toString());
  }

  @Test
  void attachWithoutASessionNameIsInvalidArgs() {
    try (KubernetesProvider provider = box.provider(box.config(KubernetesBox.yaml("")))) {
      CloudException e =
          assertThrows(CloudException.class, () -> provider.attach(Optional.empty()));
      assertEquals(ErrorCode.INVALID_ARGS, e.code());
    }
  }
}
