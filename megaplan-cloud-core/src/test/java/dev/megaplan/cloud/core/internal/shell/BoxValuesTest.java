package dev.megaplan.cloud.core.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoxValuesTest {
  @Test
  void sessionNamesOfLettersDigitsUnderscoresAndDashesAreSafe() {
    for (String name :
        List.of(
            "agent",
            "megaplan-chain",
            "megaplan-chain-epic_x-1a2b3c4d",
            "A",
            "-x",
            "a".repeat(128))) {
      assertEquals(Optional.empty(), BoxValues.sessionProblem(name), name);
    }
  }

  @Test
  void sessionNamesWithAnythingElseAreRefusedNamingTheCharacter() {
    assertEquals(
        Optional.of(
            "must use only ASCII letters, digits, '_' and '-' (tmux expands '#' and rewrites '.'"
                + " and ':'), found '#' (U+0023) at position 1"),
        BoxValues.sessionProblem("x#(touch /tmp/c)"));
    assertEquals(
        Optional.of(
            "must use only ASCII letters, digits, '_' and '-' (tmux expands '#' and rewrites '.'"
                + " and ':'), found U+000A at position 1"),
        BoxValues.sessionProblem("a\nb"));
    for (String name :
        List.of(
            "a.b", "a:b", "a b", "a/b", "$(id)", "`id`", "a'b", "é", "🎉", "a#{host}", "a#[x]")) {
      assertTrue(BoxValues.sessionProblem(name).isPresent(), name);
    }
  }

  @Test
  void emptyAndOverlongSessionNamesAreRefused() {
    String expected = "must be 1 to 128 characters of ASCII letters, digits, '_' and '-'";
    assertEquals(Optional.of(expected), BoxValues.sessionProblem(""));
    assertEquals(Optional.of(expected), BoxValues.sessionProblem("a".repeat(129)));
  }

  @Test
  void absoluteNormalisedPathsAreSafeWhateverTheirCharacters() {
    for (String path :
        List.of(
            "/", "/workspace/app", "/w/d#(touch /tmp/c)", "/w/$(id) `id` 'q' \"d\"", "/w/é 🎉")) {
      assertEquals(Optional.empty(), BoxValues.pathProblem(path), path);
    }
  }

  @Test
  void relativeUnnormalisedAndControlCharacterPathsAreRefused() {
    assertEquals(
        Optional.of("must be an absolute path (starting with /)"), BoxValues.pathProblem("w/app"));
    assertEquals(
        Optional.of("must be an absolute path (starting with /)"), BoxValues.pathProblem(""));
    String normalise =
        "must be normalised (no empty, '.' or '..' segment, no trailing '/'): write ";
    assertEquals(Optional.of(normalise + "/w/app"), BoxValues.pathProblem("/w/app/"));
    assertEquals(Optional.of(normalise + "/w/app"), BoxValues.pathProblem("/w//app"));
    assertEquals(Optional.of(normalise + "/w/app"), BoxValues.pathProblem("/w/./app"));
    assertEquals(Optional.of(normalise + "/app"), BoxValues.pathProblem("/w/../app"));
    assertEquals(
        Optional.of("must not contain control characters, found U+000A at position 2"),
        BoxValues.pathProblem("/w\n/app"));
    assertEquals(
        Optional.of("must not contain control characters, found U+007F at position 2"),
        BoxValues.pathProblem("/w\u007f"));
    assertEquals(
        Optional.of("must not contain control characters, found U+009B at position 2"),
        BoxValues.pathProblem("/w\u009b"));
    assertEquals(
        Optional.of("must be valid Unicode, found a lone surrogate at position 2"),
        BoxValues.pathProblem("/w\ud800x"));
    assertEquals(
        Optional.of("must not contain control characters, found U+0000 at position 2"),
        BoxValues.pathProblem("/w\0"));
  }

  @Test
  void pairedSurrogatesAreText() {
    assertEquals(Optional.empty(), BoxValues.textProblem("🎉\ud83c\udf89"));
    assertTrue(BoxValues.textProblem("\udf89").isPresent());
  }
}
