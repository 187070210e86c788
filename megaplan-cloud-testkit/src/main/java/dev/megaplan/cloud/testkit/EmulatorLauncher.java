package dev.megaplan.cloud.testkit;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import dev.megaplan.cloud.testkit.emulator.MegaplanEmulator;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The megaplan emulator as a {@code megaplan.command} launcher for tests: runs this testkit's
 * emulator class with the running JVM's {@code java}, from wherever the testkit was loaded (its jar
 * or its classes directory), so tests need no {@code bin/megaplan-emulator} and no build step.
 */
public final class EmulatorLauncher {
  private EmulatorLauncher() {}

  /**
   * The launcher shell fragment, for cloud.yaml's {@code megaplan.command}.
   *
   * @return for example {@code '/usr/lib/jvm/…/bin/java' -cp '/…/testkit.jar' dev…MegaplanEmulator}
   */
  public static String command() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return quote(java.toString())
        + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "
        + quote(classPath().toString())
        + " "
        + MegaplanEmulator.class.getName();
  }

  private static Path classPath() {
    try {
      return Path.of(
          MegaplanEmulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the emulator's classes", e);
    }
  }
}
