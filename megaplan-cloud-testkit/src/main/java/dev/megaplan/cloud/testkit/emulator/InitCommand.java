package dev.megaplan.cloud.testkit.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code init --project-dir D --idea-file F [--name N] --auto-start --robustness R}: creates {@code
 * D/.megaplan/plans/<N, or a slug of the idea's first non-blank line>/} with the idea copied in as
 * {@code idea.txt}, and prints {@code {"success": true, "plan": "<name>"}}.
 */
final class InitCommand {
  /** The file name the idea gets inside the plan directory. */
  static final String IDEA_FILE_NAME = "idea.txt";

  private InitCommand() {}

  static int run(List<String> args, WorkingDirectory cwd, PrintStream out) {
    Arguments arguments =
        Arguments.parse(
            args,
            1,
            List.of("--project-dir", "--idea-file", "--name", "--robustness"),
            List.of("--auto-start"));
    Path projectDir = absolute(arguments.required("--project-dir", "init"), cwd);
    Path ideaFile = absolute(arguments.required("--idea-file", "init"), cwd);
    arguments.required("--robustness", "init");
    arguments.requireSwitch("--auto-start", "init");
    byte[] idea = readIdea(ideaFile);
    String name = arguments.optional("--name");
    if (name == null) {
      name = Slugs.slug(firstLine(new String(idea, StandardCharsets.UTF_8)), "plan");
    } else if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
      throw EmulatorException.usage(
          "init --name must be a plain directory name, got '" + name + "'");
    }
    Path planDir = projectDir.resolve(".megaplan").resolve("plans").resolve(name);
    try {
      Files.createDirectories(planDir);
      TextFiles.write(planDir.resolve(IDEA_FILE_NAME), new String(idea, StandardCharsets.UTF_8));
    } catch (IOException failed) {
      throw EmulatorException.failure(
          "cannot create plan " + planDir + ": " + failed.getMessage(), failed);
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("success", Boolean.TRUE);
    payload.put("plan", name);
    out.println(JsonWriter.write(payload));
    out.flush();
    return 0;
  }

  private static Path absolute(String path, WorkingDirectory cwd) {
    return ChainStatePath.absoluteSpec(path, cwd.physical());
  }

  private static byte[] readIdea(Path ideaFile) {
    try {
      return TextFiles.read(ideaFile);
    } catch (NoSuchFileException missing) {
      throw EmulatorException.failure("idea file not found: " + ideaFile, missing);
    } catch (IOException unreadable) {
      throw EmulatorException.failure(
          "cannot read idea file " + ideaFile + ": " + unreadable.getMessage(), unreadable);
    }
  }

  private static String firstLine(String text) {
    for (String line : text.split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty()) {
        return trimmed;
      }
    }
    return "";
  }
}
