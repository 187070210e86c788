package dev.megaplan.cloud.testkit.ssh;

import java.nio.file.Path;

/**
 * The minimal docker stand-in these tests need until the testkit's shared one lands: {@code docker
 * exec [-i|-it] NAME bash -lc CMD} runs {@code bash -lc CMD}; every other verb is recorded in the
 * journal and succeeds (printing a container id for {@code run}).
 */
final class TestDocker {
  private TestDocker() {}

  static Path write(Path bin, Path journal) {
    return SshBoxes.script(
        bin.resolve("docker"),
        "#!/bin/bash\n"
            + "printf '%s\\0' \"$@\" >> '"
            + journal
            + "'; printf '\\n' >> '"
            + journal
            + "'\n"
            + "if [ \"$1\" = exec ]; then shift; while [ \"${1#-}\" != \"$1\" ]; do shift; done;"
            + " shift; exec \"$@\"; fi\n"
            + "if [ \"$1\" = run ]; then echo 0123456789ab; fi\n"
            + "exit 0\n");
  }
}
