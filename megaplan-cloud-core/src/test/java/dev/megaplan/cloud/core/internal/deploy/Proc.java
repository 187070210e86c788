package dev.megaplan.cloud.core.internal.deploy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a local check program (bash -n, shellcheck, the boot scripts) with a timeout. */
record Proc(int exit, String output) {
  static Proc run(List<String> argv) throws Exception {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + argv);
    }
    return new Proc(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
