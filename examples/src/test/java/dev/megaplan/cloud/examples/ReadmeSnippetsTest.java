package dev.megaplan.cloud.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's code snippets are the compiled examples' own lines, marked {@code // snippet:}. */
class ReadmeSnippetsTest {
  private static final Pattern SNIPPET =
      Pattern.compile(
          "\\n[ \\t]*// snippet: [\\w-]+\\n(.*?)\\n[ \\t]*// end snippet", Pattern.DOTALL);

  private static List<String> snippets(Path source) throws IOException {
    List<String> found = new ArrayList<>();
    Matcher matcher = SNIPPET.matcher(Files.readString(source));
    while (matcher.find()) {
      found.add(dedent(matcher.group(1)));
    }
    return found;
  }

  private static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return text.toString();
  }

  @Test
  void everyMarkedSnippetAppearsInTheReadmeVerbatim() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    List<Path> sources =
        List.of(
            Path.of("src/main/java/dev/megaplan/cloud/examples/EmbedChainLaunch.java"),
            Path.of("src/main/java/dev/megaplan/cloud/examples/EmbedSupervisorLoop.java"),
            Path.of("src/test/java/dev/megaplan/cloud/examples/FakeProviderExampleTest.java"));
    int count = 0;
    for (Path source : sources) {
      for (String snippet : snippets(source)) {
        count++;
        assertTrue(
            readme.contains("```java\n" + snippet + "```"),
            "README.md lacks the snippet of " + source + ":\n" + snippet);
      }
    }
    assertEquals(3, count, "every example marks exactly one snippet");
  }
}
