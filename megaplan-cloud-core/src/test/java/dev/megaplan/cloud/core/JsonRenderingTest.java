package dev.megaplan.cloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.core.internal.json.Json;
import org.junit.jupiter.api.Test;

class JsonRenderingTest {
  @Test
  void valueTypesRenderWithTheirFileFieldNamesAndDefaults() {
    RepoConfig repo = RepoConfig.builder().url("https://example.invalid/app.git").build();
    JsonNode tree = Json.tree(repo);
    assertEquals("https://example.invalid/app.git", tree.get("url").asText());
    assertEquals("main", tree.get("branch").asText());
    assertEquals("/workspace/app", tree.get("workspace").asText());
    assertEquals(3, tree.size(), "only the file's own fields are rendered: " + tree);
  }

  @Test
  void emptyContainersPrintLikePython() {
    assertEquals(
        "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    {}\n  ]\n}",
        Json.pretty(
            new java.util.TreeMap<>(
                java.util.Map.of(
                    "a", java.util.List.of(),
                    "b", java.util.Map.of(),
                    "c", java.util.List.of(java.util.Map.of())))));
    assertEquals("{}", Json.pretty(java.util.Map.of()));
  }

  @Test
  void prettyOutputIsIndentedByTwoSpaces() {
    String text = Json.pretty(java.util.Map.of("a", java.util.List.of(1)));
    assertEquals("{\n  \"a\": [\n    1\n  ]\n}", text);
  }
}
