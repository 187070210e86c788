package dev.megaplan.cloud.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every provider's remote shell must have, as an abstract JUnit 5 suite: extend it,
 * implement {@link #provider()}, and the provider is held to the same contract as {@code host},
 * {@code ssh}, {@code local}, {@code railway} and the fake.
 *
 * <p>The suite runs plain POSIX shell commands (listed with their expected answers in {@link
 * #bashAnswers()}, so a scripted provider can answer them) and observes files through overridable
 * hooks ({@link #modeOf}, {@link #bytesOf}, {@link #entriesOf}) that default to shell commands on
 * the box. Files go under a fresh scratch directory below the provider's root.
 */
@Timeout(60)
public abstract class ProviderContractTest {
  /** Writes to both streams and exits 3. */
  public static final String SEPARATE_STREAMS = "printf 'out'; printf 'err' >&2; exit 3";

  /** Exits 42 without output. */
  public static final String EXIT_42 = "exit 42";

  /** Reads stdin to its end: hangs unless stdin is closed (or empty). */
  public static final String READS_STDIN = "cat; echo done";

  /** Text with unicode, quotes, shell metacharacters and spacing. */
  public static final String AWKWARD_TEXT =
      "héllo \"wörld\" 'single' `tick` $HOME \\ back ✓ 日本語 🚀 trailing  \n\tindented\n";

  /** Prints {@link #AWKWARD_TEXT} exactly. */
  public static final String PRINTS_AWKWARD_TEXT = "printf '%s' " + quote(AWKWARD_TEXT);

  /** Prints control bytes, including NUL. */
  public static final String PRINTS_CONTROL_BYTES = "printf 'a\\000b\\001c\\033[0m\\r\\n'";

  /** Interleaves about a megabyte on each stream; deadlocks a reader that drains one at a time. */
  public static final String LARGE_INTERLEAVED_OUTPUT =
      "i=0; while [ $i -lt 2000 ]; do printf '%0511d\\n' 0; printf '%0511d\\n' 1 >&2;"
          + " i=$((i+1)); done";

  /** Runs far longer than any timeout used here. */
  public static final String SLOW = "sleep 30";

  /** The short timeout the suite gives {@link #SLOW}. */
  public static final Duration SHORT_TIMEOUT = Duration.ofMillis(1500);

  /** The provider under test, fresh for each test. */
  protected Provider provider;

  /** A fresh directory on the box for this test's files (not created up front). */
  protected String scratch;

  /**
   * Creates the provider under test; called before each test. Its files go below its {@link
   * Provider#remoteRoot()}.
   *
   * @return a provider
   */
  protected abstract Provider provider();

  /**
   * What a POSIX box answers to each fixed command this suite runs, for scripted providers.
   *
   * @return command text → expected result
   */
  public static Map<String, ExecResult> bashAnswers() {
    Map<String, ExecResult> answers = new LinkedHashMap<>();
    answers.put(SEPARATE_STREAMS, ExecResult.of(3, "out", "err"));
    answers.put(EXIT_42, ExecResult.of(42, "", ""));
    answers.put(READS_STDIN, ExecResult.of(0, "done\n", ""));
    answers.put(PRINTS_AWKWARD_TEXT, ExecResult.of(0, AWKWARD_TEXT, ""));
    answers.put(PRINTS_CONTROL_BYTES, ExecResult.of(0, "a\0b\u0001c\u001b[0m\r\n", ""));
    answers.put(
        LARGE_INTERLEAVED_OUTPUT, ExecResult.of(0, repeatLine('0', 2000), repeatLine('1', 2000)));
    return answers;
  }

  /** Picks the provider and a scratch directory. */
  @BeforeEach
  void setUpProvider() {
    provider = provider();
    assertNotNull(provider, "provider() returned null");
    scratch = provider.remoteRoot() + "/.contract-" + UUID.randomUUID();
  }

  /** Removes the scratch directory (best effort) and closes the provider. */
  @AfterEach
  void tearDownProvider() {
    if (provider == null) {
      return;
    }
    try {
      provider.remoteShell().ifPresent(shell -> shell.exec("rm -rf " + quote(scratch)));
    } catch (RuntimeException e) {
      // best effort
    } finally {
      provider.close();
    }
  }

  // ---- hooks --------------------------------------------------------------------------------

  /**
   * The mode bits of a file on the box; by default {@code stat -c %a} through the shell.
   *
   * @param remotePath the file
   * @return the mode, for example {@code 0644}
   */
  protected int modeOf(String remotePath) {
    ExecResult result = shell().exec("stat -c %a " + quote(remotePath));
    assertEquals(0, result.exitCode(), () -> "stat failed: " + result.stderr());
    return Integer.parseInt(result.stdout().strip(), 8);
  }

  /**
   * The exact bytes of a file on the box; by default {@code base64} through the shell.
   *
   * @param remotePath the file
   * @return the bytes
   */
  protected byte[] bytesOf(String remotePath) {
    ExecResult result = shell().exec("base64 < " + quote(remotePath) + " | tr -d '\\n'");
    assertEquals(0, result.exitCode(), () -> "base64 failed: " + result.stderr());
    return Base64.getDecoder().decode(result.stdout().strip());
  }

  /**
   * The names in a directory on the box, hidden ones included, sorted; by default {@code ls -A}.
   *
   * @param remoteDir the directory
   * @return the names
   */
  protected List<String> entriesOf(String remoteDir) {
    ExecResult result = shell().exec("LC_ALL=C ls -A " + quote(remoteDir));
    assertEquals(0, result.exitCode(), () -> "ls failed: " + result.stderr());
    List<String> names = new ArrayList<>(result.stdout().lines().toList());
    names.sort(null);
    return names;
  }

  /**
   * The provider's shell; the test is skipped for providers without one.
   *
   * @return the shell
   */
  protected RemoteShell shell() {
    Optional<RemoteShell> shell = provider.remoteShell();
    Assumptions.assumeTrue(shell.isPresent(), provider.name() + " has no remote shell");
    return shell.get();
  }

  // ---- identity and capabilities ----------------------------------------------------------------

  @Test
  void capabilitiesAgreeWithTheRemoteShell() {
    assertEquals(provider.capabilities().remoteShell(), provider.remoteShell().isPresent());
  }

  @Test
  void theRootIsAbsoluteAndIsWhereWorkspaceTranslatesTo() {
    assertTrue(provider.remoteRoot().startsWith("/"), provider.remoteRoot());
    assertEquals(provider.remoteRoot(), provider.toRemotePath("/workspace"));
    assertEquals("/etc/hosts", provider.toRemotePath("/etc/hosts"));
    assertEquals("/workspacefoo/x", provider.toRemotePath("/workspacefoo/x"));
  }

  // ---- exec -----------------------------------------------------------------------------------

  @Test
  void execReturnsTheExitCodeAndSeparateStreams() {
    assertEquals(ExecResult.of(3, "out", "err"), shell().exec(SEPARATE_STREAMS));
  }

  @Test
  void aNonZeroExitIsDataNotAnException() {
    ExecResult result = shell().exec(EXIT_42);
    assertEquals(42, result.exitCode());
    assertFalse(result.succeeded());
  }

  @Test
  void commandsThatReadStdinSeeItClosedAndDoNotHang() {
    assertEquals(ExecResult.of(0, "done\n", ""), shell().exec(READS_STDIN, Duration.ofSeconds(20)));
  }

  @Test
  void unicodeQuotesAndMetacharactersInOutputRoundTrip() {
    assertEquals(AWKWARD_TEXT, shell().exec(PRINTS_AWKWARD_TEXT).stdout());
  }

  @Test
  void controlBytesIncludingNulInOutputRoundTrip() {
    assertEquals("a\0b\u0001c\u001b[0m\r\n", shell().exec(PRINTS_CONTROL_BYTES).stdout());
  }

  @Test
  void largeOutputOnBothStreamsAtOnceDoesNotDeadlock() {
    ExecResult result = shell().exec(LARGE_INTERLEAVED_OUTPUT, Duration.ofSeconds(40));
    assertEquals(0, result.exitCode(), result.stderr().length() > 200 ? "" : result.stderr());
    assertEquals(repeatLine('0', 2000), result.stdout());
    assertEquals(repeatLine('1', 2000), result.stderr());
  }

  @Test
  void aCommandThatOutlivesItsTimeoutFailsWithProviderFailedInAboutTheTimeout() {
    long start = System.nanoTime();
    CloudException failure =
        assertThrows(CloudException.class, () -> shell().exec(SLOW, SHORT_TIMEOUT));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertTrue(
        took.compareTo(SHORT_TIMEOUT.dividedBy(2)) >= 0, () -> "failed too early, after " + took);
    assertTrue(
        took.compareTo(SHORT_TIMEOUT.plusSeconds(8)) < 0, () -> "failed too late, after " + took);
    assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
  }

  // ---- upload and read
  // -----------------------------------------------------------------------------

  @Test
  void uploadCreatesParentDirectories() {
    String path = scratch + "/a/b/c/file.txt";
    shell().upload(List.of(Upload.of(path, utf8("deep"))));
    assertEquals(Optional.of("deep"), shell().read(path));
  }

  @Test
  void uploadOverwritesCompletelyAndLeavesNoTempFilesBehind() {
    String path = scratch + "/over/file.txt";
    shell().upload(List.of(Upload.of(path, utf8("a much longer first version\n".repeat(50)))));
    shell().upload(List.of(Upload.of(path, utf8("short"))));
    assertEquals(Optional.of("short"), shell().read(path));
    assertEquals(List.of("file.txt"), entriesOf(scratch + "/over"));
  }

  @Test
  void uploadPreservesBinaryBytesExactly() {
    byte[] content = new byte[3 * 256 + 7];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 7);
    }
    content[0] = 0;
    String path = scratch + "/bin/blob.dat";
    shell().upload(List.of(Upload.of(path, content)));
    assertArrayEquals(content, bytesOf(path));
  }

  @Test
  void uploadHandlesSpacesQuotesAndUnicodeInPaths() {
    String path = scratch + "/dir with spaces/it's \"quoted\" ünï ✓ $x.txt";
    shell().upload(List.of(Upload.of(path, utf8("awkward path"))));
    assertEquals(Optional.of("awkward path"), shell().read(path));
  }

  @Test
  void uploadAppliesTheRequestedMode() {
    String secret = scratch + "/modes/secret.json";
    String script = scratch + "/modes/run.sh";
    String plain = scratch + "/modes/plain.txt";
    shell()
        .upload(
            List.of(
                Upload.builder().remotePath(secret).content(utf8("{}")).mode(0600).build(),
                Upload.builder().remotePath(script).content(utf8("#!/bin/sh\n")).mode(0755).build(),
                Upload.of(plain, utf8("plain"))));
    assertEquals(0600, modeOf(secret));
    assertEquals(0755, modeOf(script));
    assertEquals(0644, modeOf(plain));
  }

  @Test
  void manyFilesTravelInOneUploadCall() {
    List<Upload> uploads = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      uploads.add(Upload.of(scratch + "/many/d" + (i % 7) + "/f" + i + ".txt", utf8("file " + i)));
    }
    shell().upload(uploads);
    for (int i = 0; i < 60; i++) {
      assertEquals(
          Optional.of("file " + i),
          shell().read(scratch + "/many/d" + (i % 7) + "/f" + i + ".txt"));
    }
  }

  @Test
  void aFailedUploadIsProviderFailedAndLeavesThePreviousFileIntact() {
    String file = scratch + "/keep/file.txt";
    shell().upload(List.of(Upload.of(file, utf8("previous"))));
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> shell().upload(List.of(Upload.of(file + "/child.txt", utf8("never")))));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertEquals(Optional.of("previous"), shell().read(file));
    assertEquals(List.of("file.txt"), entriesOf(scratch + "/keep"));
  }

  @Test
  void anUploadOntoADirectoryFailsAndLeavesItsContentIntact() {
    String inner = scratch + "/dir/inner.txt";
    shell().upload(List.of(Upload.of(inner, utf8("inner"))));
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> shell().upload(List.of(Upload.of(scratch + "/dir", utf8("not a dir")))));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
    assertEquals(Optional.of("inner"), shell().read(inner));
  }

  @Test
  void readersNeverSeeAHalfWrittenUpload() throws Exception {
    String path = scratch + "/atomic/big.txt";
    String first = "a".repeat(256 * 1024);
    String second = "b".repeat(256 * 1024);
    shell().upload(List.of(Upload.of(path, utf8(first))));
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> torn = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                String seen = shell().read(path).orElse("<missing>");
                if (!seen.equals(first) && !seen.equals(second)) {
                  torn.set(seen.length() > 40 ? seen.substring(0, 40) + "…" : seen);
                }
              }
            });
    reader.start();
    try {
      for (int i = 0; i < 20; i++) {
        shell().upload(List.of(Upload.of(path, utf8(i % 2 == 0 ? second : first))));
      }
    } finally {
      done.set(true);
      reader.join(20_000);
    }
    if (torn.get() != null) {
      fail("a reader saw a partial file: " + torn.get());
    }
  }

  @Test
  void readingAMissingFileIsEmpty() {
    assertEquals(Optional.empty(), shell().read(scratch + "/no/such/file.txt"));
  }

  @Test
  void readReturnsExactlyWhatWasUploaded() {
    String text = "line one\r\nline two  \n\n" + AWKWARD_TEXT + "no final newline";
    String path = scratch + "/exact.txt";
    shell().upload(List.of(Upload.of(path, utf8(text))));
    assertEquals(Optional.of(text), shell().read(path));
  }

  @Test
  void readingADirectoryIsProviderFailedNotEmpty() {
    shell().upload(List.of(Upload.of(scratch + "/adir/x.txt", utf8("x"))));
    CloudException failure =
        assertThrows(CloudException.class, () -> shell().read(scratch + "/adir"));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
  }

  // ---- helpers
  // -------------------------------------------------------------------------------------

  /**
   * Quotes a value for POSIX sh.
   *
   * @param value any text
   * @return the single-quoted value
   */
  protected static String quote(String value) {
    return "'" + value.replace("'", "'\"'\"'") + "'";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String repeatLine(char digit, int count) {
    char[] line = new char[512];
    Arrays.fill(line, '0');
    line[510] = digit;
    line[511] = '\n';
    return new String(line).repeat(count);
  }
}
