package dev.megaplan.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A call builds only the subcommand it names; what it prints must not depend on that: the same
 * usage text, the same errors, as from the whole command line.
 */
class LazySubcommandsTest {
  @TempDir Path dir;

  @Test
  void everySubcommandIsRegisteredUnderItsOwnName() {
    Map<String, CommandLine> all = MegaplanCloud.commandLine(environment()).getSubcommands();
    assertEquals(17, all.size(), all.keySet().toString());
    all.forEach(
        (name, sub) ->
            assertEquals(
                name,
                sub.getCommandSpec().userObject().getClass().getAnnotation(Command.class).name()));
  }

  @Test
  void aSubcommandsHelpIsTheSameAsFromTheWholeCommandLine() {
    for (String name : MegaplanCloud.commandLine(environment()).getSubcommands().keySet()) {
      CliRun lazy = CliRun.in(dir, name, "--help");
      StringWriter out = new StringWriter();
      CommandLine whole = MegaplanCloud.commandLine(environment());
      whole.setOut(new PrintWriter(out));
      whole.setErr(new PrintWriter(new StringWriter()));
      int exit = whole.execute(name, "--help");
      assertEquals(exit, lazy.exit, name);
      assertEquals(out.toString(), lazy.out, name);
      assertTrue(lazy.out.startsWith("Usage: megaplan-cloud " + name), lazy.out);
    }
  }

  @Test
  void aMistypedSubcommandStillGetsSuggestions() {
    CliRun run = CliRun.in(dir, "statsu", "--chain");
    assertEquals(2, run.exit, run.toString());
    assertTrue(run.err.contains("status"), run.err);
  }

  private CliEnvironment environment() {
    return new CliEnvironment(
        Map.<String, String>of()::get,
        dir.resolve("home"),
        dir,
        new ByteArrayInputStream(new byte[0]),
        OutputStream.nullOutputStream(),
        false);
  }
}
