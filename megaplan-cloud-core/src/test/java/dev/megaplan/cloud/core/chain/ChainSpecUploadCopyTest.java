package dev.megaplan.cloud.core.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.core.ChainSpecYaml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ChainSpecUploadCopyTest {
  private static final String WITH_BASE =
      "# my epic\n"
          + "base_branch: develop   # keep\n"
          + "milestones:\n"
          + "  - label: m1\n"
          + "    idea: /workspace/app/ideas/m1.md\n"
          + "driver:\n"
          + "  max_stall_iterations: 7\n";

  private static final String WITHOUT_BASE =
      "emulator:\n"
          + "  step_ms: 50\n"
          + "  fail: [m2]\n"
          + "milestones:\n"
          + "  - label: m1\n"
          + "    idea: /workspace/app/ideas/m1.md\n"
          + "    x_extra: keep-me\n"
          + "  - label: m2\n"
          + "    idea: ideas/m2.md\n"
          + "    depends_on: m1\n"
          + "merge_policy: review\n";

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ChainSpec parse(byte[] bytes) {
    return ChainSpecYaml.parse(new String(bytes, StandardCharsets.UTF_8), "chain.yaml");
  }

  private static byte[] copy(String text, OptionalInt stall, UnaryOperator<String> rewriter) {
    byte[] original = bytes(text);
    return ChainSpecYaml.uploadCopy(original, parse(original), "main", stall, rewriter);
  }

  @Test
  void unchangedSpecIsUploadedByteForByte() {
    byte[] original = bytes(WITH_BASE);
    byte[] upload =
        ChainSpecYaml.uploadCopy(
            original, parse(original), "main", OptionalInt.empty(), UnaryOperator.identity());
    assertSame(original, upload);
    assertArrayEquals(bytes(WITH_BASE), upload);
  }

  @Test
  void driverOverrideEqualToTheFilesValueChangesNothing() {
    byte[] original = bytes(WITH_BASE);
    assertSame(
        original,
        ChainSpecYaml.uploadCopy(
            original, parse(original), "main", OptionalInt.of(7), UnaryOperator.identity()));
  }

  @Test
  void missingBaseBranchIsAddedFromTheRepoBranch() {
    ChainSpec uploaded = parse(copy(WITHOUT_BASE, OptionalInt.empty(), UnaryOperator.identity()));
    assertEquals("main", uploaded.baseBranch().orElseThrow());
  }

  @Test
  void normalizedCopyKeepsKeyOrderAndUnknownKeys() {
    ChainSpec uploaded = parse(copy(WITHOUT_BASE, OptionalInt.empty(), UnaryOperator.identity()));
    assertEquals(
        List.of("emulator", "milestones", "merge_policy", "base_branch"),
        List.copyOf(uploaded.document().keySet()));
    assertEquals(Map.of("step_ms", 50, "fail", List.of("m2")), uploaded.document().get("emulator"));
    @SuppressWarnings("unchecked")
    Map<String, Object> m1 =
        (Map<String, Object>) ((List<?>) uploaded.document().get("milestones")).get(0);
    assertEquals(List.of("label", "idea", "x_extra"), List.copyOf(m1.keySet()));
    assertEquals("keep-me", m1.get("x_extra"));
  }

  @Test
  void normalizedCopyReparsesToTheSameSpecPlusTheBaseBranch() {
    byte[] original = bytes(WITHOUT_BASE);
    ChainSpec before = parse(original);
    ChainSpec after = parse(copy(WITHOUT_BASE, OptionalInt.empty(), UnaryOperator.identity()));
    assertEquals(before.withBaseBranch("main"), after);
  }

  @Test
  void normalizedCopyIsBlockStyleYaml() {
    String text =
        new String(
            copy(WITHOUT_BASE, OptionalInt.empty(), UnaryOperator.identity()),
            StandardCharsets.UTF_8);
    assertTrue(text.startsWith("emulator:\n  step_ms: 50\n"), text);
    assertTrue(text.contains("milestones:\n  - label: m1\n"), text);
    assertFalse(text.contains("{"), text);
    assertTrue(text.endsWith("base_branch: main\n"), text);
  }

  @Test
  void driverOverrideIsMergedIntoAnExistingDriverBlock() {
    String spec = "base_branch: main\ndriver:\n  max_iterations: 10\n  max_stall_iterations: 5\n";
    ChainSpec uploaded = parse(copy(spec, OptionalInt.of(3), UnaryOperator.identity()));
    assertEquals(3, uploaded.driver().maxStallIterations());
    assertEquals(10, uploaded.driver().maxIterations());
    assertEquals(
        List.of("max_iterations", "max_stall_iterations"),
        List.copyOf(
            ((Map<?, ?>) uploaded.document().get("driver"))
                .keySet().stream().map(Object::toString).toList()));
  }

  @Test
  void driverOverrideReplacesTheStallThresholdAliasInPlace() {
    String spec = "base_branch: main\ndriver:\n  stall_threshold: 5\n  poll_sleep: 2\n";
    ChainSpec uploaded = parse(copy(spec, OptionalInt.of(8), UnaryOperator.identity()));
    assertEquals(8, uploaded.driver().maxStallIterations());
    assertEquals(
        Map.of("max_stall_iterations", 8, "poll_sleep", 2), uploaded.document().get("driver"));
    assertEquals(
        List.of("max_stall_iterations", "poll_sleep"),
        ((Map<?, ?>) uploaded.document().get("driver"))
            .keySet().stream().map(Object::toString).toList());
  }

  @Test
  void driverOverrideAddsADriverBlockWhenAbsent() {
    ChainSpec uploaded =
        parse(
            copy(
                "base_branch: main\nmilestones: []\n",
                OptionalInt.of(4),
                UnaryOperator.identity()));
    assertEquals(Map.of("max_stall_iterations", 4), uploaded.document().get("driver"));
  }

  @Test
  void ideaPathsAreRewritten() {
    ChainSpec uploaded =
        parse(
            copy(
                WITHOUT_BASE,
                OptionalInt.empty(),
                idea -> idea.replace("/workspace/app/", "/workspace/epic-1234/app/")));
    assertEquals("/workspace/epic-1234/app/ideas/m1.md", uploaded.milestones().get(0).idea());
    assertEquals("ideas/m2.md", uploaded.milestones().get(1).idea());
  }

  @Test
  void rewriterThatChangesAnIdeaForcesACopyEvenWithABaseBranch() {
    byte[] original = bytes(WITH_BASE);
    byte[] upload =
        ChainSpecYaml.uploadCopy(
            original, parse(original), "main", OptionalInt.empty(), idea -> "/elsewhere/m1.md");
    assertEquals("/elsewhere/m1.md", parse(upload).milestones().get(0).idea());
    assertEquals("develop", parse(upload).baseBranch().orElseThrow());
  }

  @Test
  void stringsThatLookLikeOtherTypesSurviveTheCopy() {
    String spec =
        "milestones:\n  - label: '007'\n    idea: 'true'\n    notes: '1.5'\n    branch: 'null'\n";
    ChainSpec uploaded = parse(copy(spec, OptionalInt.empty(), UnaryOperator.identity()));
    assertEquals("007", uploaded.milestones().get(0).label());
    assertEquals("true", uploaded.milestones().get(0).idea());
    assertEquals("1.5", uploaded.milestones().get(0).notes().orElseThrow());
    assertEquals("null", uploaded.milestones().get(0).branch().orElseThrow());
  }

  @Test
  void theParsedSpecIsNotModifiedByACopy() {
    byte[] original = bytes(WITHOUT_BASE);
    ChainSpec spec = parse(original);
    ChainSpecYaml.uploadCopy(original, spec, "main", OptionalInt.of(2), idea -> "/x/" + idea);
    assertFalse(spec.document().containsKey("base_branch"));
    assertFalse(spec.document().containsKey("driver"));
    assertEquals("ideas/m2.md", spec.milestones().get(1).idea());
  }

  @Test
  void theNormalizedCopyMeansToMegaplanWhatTheUsersFileMeant() {
    // quoted text PyYAML would otherwise read as a boolean, a date or a number stays quoted;
    // plain YAML 1.1 values keep the value megaplan read from the user's file; nulls stay null
    String text =
        "milestones:\n"
            + "  - {label: 'on', idea: a.md, notes: 'yes', branch: '2024-01-01'}\n"
            + "legacy: {flag: yes, mode: 010, size: 1_000, ratio: 1e3, none: null}\n";
    String upload =
        new String(
            copy(text, OptionalInt.empty(), UnaryOperator.identity()), StandardCharsets.UTF_8);
    ChainSpec reread = parse(bytes(upload));
    assertEquals("on", reread.milestones().get(0).label());
    assertEquals(java.util.Optional.of("yes"), reread.milestones().get(0).notes());
    assertEquals(java.util.Optional.of("2024-01-01"), reread.milestones().get(0).branch());
    Map<?, ?> legacy = (Map<?, ?>) reread.document().get("legacy");
    assertEquals(Boolean.TRUE, legacy.get("flag"));
    assertEquals(8, legacy.get("mode"));
    assertEquals(1000, legacy.get("size"));
    assertEquals("1e3", legacy.get("ratio"));
    assertTrue(legacy.containsKey("none"));
    assertEquals(null, legacy.get("none"));
    assertTrue(upload.contains("label: 'on'"), upload);
    assertTrue(upload.contains("notes: 'yes'"), upload);
  }
}
