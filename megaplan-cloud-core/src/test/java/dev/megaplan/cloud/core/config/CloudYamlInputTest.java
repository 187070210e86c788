package dev.megaplan.cloud.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.CloudYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, hostile and unusual input files. */
class CloudYamlInputTest {
  @TempDir Path dir;

  private CloudException loadFails(Path file) {
    CloudException e = assertThrows(CloudException.class, () -> CloudYaml.load(file));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    return e;
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void missingFileIsReportedWithItsPath() {
    Path file = dir.resolve("cloud.yaml");
    assertEquals("spec file not found: " + file, loadFails(file).getMessage());
  }

  @Test
  void emptyFileIsAnEmptyMappingSoRepoIsRequired() throws IOException {
    assertEquals(
        "repo.url is required (cloud.yaml)", loadFails(write("cloud.yaml", "")).getMessage());
  }

  @Test
  void commentOnlyFileIsAnEmptyMapping() throws IOException {
    assertEquals(
        "repo.url is required (cloud.yaml)",
        loadFails(write("cloud.yaml", "# nothing yet\n")).getMessage());
  }

  @Test
  void messagesUseTheFilesOwnName() throws IOException {
    assertEquals(
        "mode must be one of auto, chain, idle, got 'x' (staging.yaml:1:7)",
        loadFails(write("staging.yaml", "mode: x\nrepo: {url: u}\n")).getMessage());
  }

  @Test
  void syntaxErrorIsAYamlParseErrorWithLineAndColumn() throws IOException {
    String message = loadFails(write("cloud.yaml", "repo:\n  url: [unclosed\n")).getMessage();
    assertTrue(message.startsWith("YAML parse error: "), message);
    assertTrue(message.matches("(?s).*\\(cloud\\.yaml:\\d+:\\d+\\)$"), message);
  }

  @Test
  void badIndentationIsAYamlParseError() throws IOException {
    String message = loadFails(write("cloud.yaml", "repo:\n  url: u\n branch: b\n")).getMessage();
    assertTrue(message.startsWith("YAML parse error: "), message);
    assertTrue(message.contains("(cloud.yaml:3:"), message);
  }

  @Test
  void twoDocumentsInOneFileAreAParseError() throws IOException {
    String message =
        loadFails(write("cloud.yaml", "repo: {url: u}\n---\nrepo: {url: v}\n")).getMessage();
    assertTrue(message.startsWith("YAML parse error: "), message);
  }

  @Test
  void invalidUtf8IsRejectedClearly() throws IOException {
    Path file = dir.resolve("cloud.yaml");
    Files.write(file, new byte[] {'r', 'e', 'p', 'o', ':', ' ', (byte) 0xC3, (byte) 0x28});
    assertEquals(
        "cloud.yaml is not valid UTF-8 text (invalid byte sequence near byte offset 6); save the"
            + " file as UTF-8",
        loadFails(file).getMessage());
  }

  @Test
  void utf8ByteOrderMarkIsAccepted() throws IOException {
    Path file = dir.resolve("cloud.yaml");
    byte[] body = "repo: {url: u}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Files.write(file, bytes);
    assertEquals("u", CloudYaml.load(file).repo().url());
  }

  @Test
  void tenMegabyteFileIsRejectedFastBySize() throws IOException {
    Path file = dir.resolve("cloud.yaml");
    StringBuilder text = new StringBuilder("repo: {url: u}\nnotes: |\n");
    String line = "  " + "x".repeat(98) + "\n";
    while (text.length() < 10 * 1024 * 1024) {
      text.append(line);
    }
    Files.writeString(file, text);
    CloudException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> loadFails(file));
    assertEquals(
        "spec file too large: "
            + file
            + " is over 1048576 bytes (1 MiB), the limit for a spec file",
        e.getMessage());
  }

  @Test
  void oversizedTextIsRejectedBySize() {
    String text = "repo: {url: u}\n#" + "x".repeat(1024 * 1024) + "\n";
    CloudException e = assertThrows(CloudException.class, () -> CloudYaml.parse(text));
    assertTrue(e.getMessage().startsWith("spec file too large: cloud.yaml"), e.getMessage());
  }

  @Test
  void billionLaughsAliasBombFailsInWellUnderASecond() throws IOException {
    StringBuilder bomb =
        new StringBuilder(
            "repo: {url: u}\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      bomb.append("]\n");
      previous = c;
    }
    Path file = write("cloud.yaml", bomb.toString());
    CloudException e = assertTimeoutPreemptively(Duration.ofMillis(900), () -> loadFails(file));
    assertTrue(
        e.getMessage()
            .startsWith(
                "YAML document too large: more than 100000 nodes once aliases are expanded"),
        e.getMessage());
  }

  @Test
  void aliasChainUnderTheAliasLimitStillCannotExpandUnbounded() {
    StringBuilder doubling = new StringBuilder("repo: {url: u}\nl0: &l0 [x, x]\n");
    for (int i = 1; i <= 24; i++) {
      doubling
          .append("l")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [*l")
          .append(i - 1)
          .append(", *l")
          .append(i - 1)
          .append("]\n");
    }
    CloudException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(1),
            () -> assertThrows(CloudException.class, () -> CloudYaml.parse(doubling.toString())));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertTrue(
        e.getMessage().startsWith("YAML document too large: more than 100000 nodes"),
        e.getMessage());
  }

  @Test
  void recursiveAliasIsRejected() {
    CloudException e =
        assertThrows(
            CloudException.class, () -> CloudYaml.parse("repo: {url: u}\nloop: &x [*x]\n"));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertTrue(e.getMessage().contains("recursive"), e.getMessage());
  }

  @Test
  void recursiveKeyIsRejected() {
    CloudException e =
        assertThrows(
            CloudException.class, () -> CloudYaml.parse("repo: {url: u}\n&k {*k : v}: 1\n"));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
  }

  @Test
  void duplicateKeyIsRejectedNamingTheKey() {
    CloudException e =
        assertThrows(CloudException.class, () -> CloudYaml.parse("repo:\n  url: a\n  url: b\n"));
    assertEquals("duplicate key 'repo.url' (cloud.yaml:3:3)", e.getMessage());
  }

  @Test
  void deeplyNestedDocumentIsRejected() {
    String deep = "repo: {url: u}\nx: " + "[".repeat(200) + "]".repeat(200) + "\n";
    CloudException e = assertThrows(CloudException.class, () -> CloudYaml.parse(deep));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
  }

  @Test
  void aliasesWithinLimitsAreFollowed() {
    CloudConfig config = CloudYaml.parse("base: &base {url: u, branch: dev}\nrepo: *base\n");
    assertEquals("dev", config.repo().branch());
  }

  @Test
  void yaml11BooleanSpellingsAreBooleansAsThePythonToolReadsThem() {
    CloudException e =
        assertThrows(CloudException.class, () -> CloudYaml.parse("repo: {url: u, branch: yes}\n"));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertEquals(
        "repo.branch must be a non-empty string, got the boolean yes (quote it: 'yes')"
            + " (cloud.yaml:1:24)",
        e.getMessage());
    assertEquals("yes", CloudYaml.parse("repo: {url: u, branch: 'yes'}\n").repo().branch());
  }

  @Test
  void loadedConfigRemembersItsSourceButItIsNotPartOfEquality() throws IOException {
    Path file = write("cloud.yaml", "repo: {url: u}\n");
    CloudConfig loaded = CloudYaml.load(file);
    assertEquals(Optional.of(file), loaded.source());
    assertEquals(CloudYaml.parse("repo: {url: u}\n"), loaded);
  }

  @Test
  void directoryInsteadOfAFileIsRejected() {
    assertTrue(loadFails(dir).getMessage().startsWith("spec file is a directory"));
  }
}
