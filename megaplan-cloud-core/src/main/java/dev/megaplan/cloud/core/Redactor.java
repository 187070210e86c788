package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.LogLine;
import dev.megaplan.cloud.core.internal.redact.Engine;
import dev.megaplan.cloud.core.internal.redact.LogLineSink;
import dev.megaplan.cloud.core.internal.redact.RedactingInputStream;
import dev.megaplan.cloud.core.internal.redact.RedactingOutputStream;
import dev.megaplan.cloud.core.internal.redact.RedactingReader;
import dev.megaplan.cloud.core.internal.redact.RedactingWriter;
import dev.megaplan.cloud.core.internal.redact.Rules;
import dev.megaplan.cloud.core.redact.RedactingLineSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Removes secrets from text before it leaves the SDK, by the rules of spec 06, applied in this
 * order:
 *
 * <ol>
 *   <li><b>Assignments.</b> For every configured secret name: the name (literal: {@code .}, {@code
 *       +}, {@code $} match only themselves), not preceded by a word character when it starts with
 *       one, then optional spaces, {@code =} or {@code :}, optional spaces, then a value — a run of
 *       characters that are not whitespace, {@code "} or {@code '} — whose run is replaced: {@code
 *       OPENAI_API_KEY=abc} → {@code OPENAI_API_KEY=***REDACTED***}. A value in double or single
 *       quotes is replaced inside its quotes ({@code NAME="a b"} → {@code NAME="***REDACTED***"}; a
 *       backslash escapes a double quote; an unclosed quote runs to the end of the line). Spaces
 *       never span a line break. Names are tried left to right, the longest first where several
 *       start at one place.
 *   <li><b>Literal values.</b> The value of each configured secret, as the environment lookup gave
 *       it when this redactor was built, is replaced wherever it appears, if it has at least 8
 *       characters; longest values first, so a value containing another is replaced whole. A value
 *       of several lines counts as its lines, each of at least 8 characters.
 *   <li><b>Token shapes</b>, whatever the configuration: {@code sk-[A-Za-z0-9_-]+}, {@code
 *       ghp_[A-Za-z0-9]+}, {@code xoxb-[A-Za-z0-9-]+}, each as a whole word ({@code \b} on both
 *       sides, as in a regular expression).
 * </ol>
 *
 * <p>Each rule sees the output of the one before: a replaced region reads as the replacement text,
 * and is not matched again. A word character is a Unicode letter or digit or {@code _}. The
 * replacement is {@value #REPLACEMENT}. No rule spans a line break, so text redacts the same whole
 * or line by line.
 *
 * <p><b>Streams.</b> The {@code wrap} methods, {@link #lineSink} and {@link #copy} redact whole
 * lines: a partial line is held until its {@code \n} or the end of the stream, so a secret split
 * across reads or writes is still found, and for lines within the {@linkplain #lineBound() bound}
 * the output equals {@link #redact(String)} of the whole text. A longer line is redacted in
 * overlapping windows that keep back at least the longest name or value, and an assignment value or
 * token that runs past a window is replaced whole; such a line is never emitted raw, and memory
 * stays bounded whatever the input. Byte streams are UTF-8: a line that needs no change passes
 * through byte for byte; malformed input becomes U+FFFD in a line that is changed, and in a line
 * longer than the bound that arrives over several reads or writes.
 *
 * <p><b>Where it applies.</b> Every way output leaves the SDK goes through one redactor: relayed
 * remote output ({@code exec}, {@code bootstrap}, {@code chain}, {@code resume}, {@code logs}),
 * through a {@link RedactingLineSink} or a wrapped stream; deploy report tails and error messages
 * quoting remote output, through {@link #redact(String)}; SDK log messages, redacted before they
 * reach SLF4J. {@code attach} is the exception: it is a raw interactive terminal, not redacted.
 *
 * <p>Immutable and thread-safe; build one per session (the matchers are prepared once). The streams
 * and sinks it returns are not thread-safe. {@link #toString()} names the secrets but never prints
 * a value.
 */
public final class Redactor {
  /** The text that replaces a secret. */
  public static final String REPLACEMENT = "***REDACTED***";

  /** Literal values shorter than this many characters are not replaced by rule 2. */
  public static final int MIN_LITERAL_LENGTH = Rules.MIN_LITERAL_LENGTH;

  /** The default {@linkplain #lineBound() line bound}: 64 KiB. */
  public static final int DEFAULT_LINE_BOUND = 64 * 1024;

  /** The block size of {@link #copy}: large enough that system calls cost nothing per byte. */
  private static final int COPY_BLOCK = 1 << 20;

  private static final Redactor NO_SECRETS = new Redactor(List.of(), List.of(), DEFAULT_LINE_BOUND);

  private final List<String> names;
  private final List<String> values;
  private final Engine engine;

  private Redactor(List<String> names, List<String> values, int lineBound) {
    this.names = names;
    this.values = values;
    this.engine = new Engine(Rules.of(names, values), lineBound);
  }

  /**
   * Builds a redactor for the named secrets, reading each one's current value once through {@code
   * environmentLookup} (pass {@code System::getenv} at the edge; tests pass a map). A name whose
   * lookup gives {@code null} is still redacted in assignments.
   *
   * @param secretNames the secret names from cloud.yaml and the command line; order and duplicates
   *     do not matter
   * @param environmentLookup name → value, or null when unset
   * @return the redactor
   * @throws CloudException {@link ErrorCode#INVALID_ARGS} when a name is empty or contains
   *     whitespace
   */
  public static Redactor create(
      Collection<String> secretNames, Function<String, String> environmentLookup) {
    Objects.requireNonNull(environmentLookup, "environmentLookup");
    Set<String> names = new LinkedHashSet<>();
    List<String> values = new ArrayList<>();
    for (String name : secretNames) {
      checkName(name);
      if (names.add(name)) {
        String value = environmentLookup.apply(name);
        if (value != null) {
          values.add(value);
        }
      }
    }
    return new Redactor(List.copyOf(names), List.copyOf(values), DEFAULT_LINE_BOUND);
  }

  /**
   * A redactor without configured secrets: only the token shapes (rule 3) apply.
   *
   * @return the shared instance
   */
  public static Redactor noSecrets() {
    return NO_SECRETS;
  }

  private static void checkName(String name) {
    if (name == null || name.isEmpty() || name.codePoints().anyMatch(Character::isWhitespace)) {
      throw new CloudException(
          ErrorCode.INVALID_ARGS,
          "A secret name must be non-empty and contain no whitespace: '"
              + (name == null ? "null" : name)
              + "'",
          name == null ? java.util.Map.of() : java.util.Map.of("secret_name", name));
    }
  }

  /**
   * A copy with another line bound.
   *
   * @param lineBound the longest line the streams redact whole: characters for readers, writers and
   *     line sinks, bytes for byte streams; raised to four times the longest name or value when
   *     smaller
   * @return a new redactor with the same secrets
   */
  public Redactor withLineBound(int lineBound) {
    if (lineBound <= 0) {
      throw new IllegalArgumentException("lineBound must be positive: " + lineBound);
    }
    return new Redactor(names, values, lineBound);
  }

  /**
   * The longest line the streams redact whole; longer lines go in overlapping windows.
   *
   * @return the effective bound
   */
  public int lineBound() {
    return engine.bound();
  }

  /**
   * The configured secret names (not secret themselves).
   *
   * @return an unmodifiable set, in configuration order
   */
  public Set<String> secretNames() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(names));
  }

  /**
   * A copy of a failure whose message and context (every string in it, map keys included) are
   * redacted, with the same code and stack trace. The cause is dropped: its message could quote
   * what this copy hides.
   *
   * @param failure the failure
   * @return the redacted copy
   */
  public CloudException redact(CloudException failure) {
    Map<String, Object> context = new LinkedHashMap<>();
    failure.context().forEach((key, value) -> context.put(key, redactValue(value)));
    CloudException copy = new CloudException(failure.code(), redact(failure.getMessage()), context);
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /**
   * A JSON-like value (maps, lists, strings, numbers, booleans, nulls) with every string, map keys
   * included, redacted.
   *
   * @param value the value
   * @return the redacted copy (scalars other than strings as they are)
   */
  public Object redactValue(Object value) {
    if (value instanceof String text) {
      return redact(text);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(redact(String.valueOf(key)), redactValue(item)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(redactValue(item)));
      return copy;
    }
    return value;
  }

  /**
   * Redacts a text.
   *
   * @param text the text; may hold several lines
   * @return the redacted text; the same instance when nothing was replaced
   */
  public String redact(String text) {
    return engine.redact(Objects.requireNonNull(text, "text"));
  }

  /**
   * Wraps a UTF-8 byte stream so that what is read from it is redacted. Closing it closes {@code
   * in}.
   *
   * @param in the raw stream
   * @return the redacting stream
   */
  public InputStream wrap(InputStream in) {
    return new RedactingInputStream(engine, in);
  }

  /**
   * Wraps a reader so that what is read from it is redacted. Closing it closes {@code in}.
   *
   * @param in the raw reader
   * @return the redacting reader
   */
  public Reader wrap(Reader in) {
    return new RedactingReader(engine, in);
  }

  /**
   * Wraps a UTF-8 byte stream so that what is written to it arrives redacted. {@code flush()} keeps
   * a partial line held; {@code close()} writes it, then closes {@code out} (pass a stream that
   * ignores {@code close()} to keep, say, standard output open).
   *
   * @param out where redacted bytes go
   * @return the redacting stream
   */
  public OutputStream wrap(OutputStream out) {
    return new RedactingOutputStream(engine, out);
  }

  /**
   * Wraps a writer so that what is written to it arrives redacted; {@code flush()} and {@code
   * close()} as for {@link #wrap(OutputStream)}.
   *
   * @param out where redacted text goes
   * @return the redacting writer
   */
  public Writer wrap(Writer out) {
    return new RedactingWriter(engine, out);
  }

  /**
   * Wraps a consumer of whole lines: each string it is given is redacted as a whole before it is
   * passed on.
   *
   * @param lines the consumer of redacted lines
   * @return a consumer of raw lines
   */
  public Consumer<String> wrapLines(Consumer<? super String> lines) {
    Objects.requireNonNull(lines, "lines");
    return line -> lines.accept(redact(line));
  }

  /**
   * A sink for one stream of relayed remote output: feed it raw chunks, and {@code consumer}
   * receives redacted {@link LogLine}s.
   *
   * @param stream the stream the lines are tagged with
   * @param consumer who receives the lines
   * @return a new sink; close it at the end of the stream
   */
  public RedactingLineSink lineSink(LogLine.Stream stream, Consumer<? super LogLine> consumer) {
    return new LogLineSink(engine, stream, consumer);
  }

  /**
   * Copies a UTF-8 stream to another, redacted, until the end of {@code in} — the {@code
   * megaplan-cloud redact} command. Reads and writes in large blocks (neither stream needs a buffer
   * of its own); whenever a read returns less than a full block (the producer is slower, as in
   * {@code tail -f | megaplan-cloud redact}), the complete lines redacted so far are written and
   * {@code out} is flushed, so a pipeline sees each line soon after it arrives. Neither stream is
   * closed; {@code out} is flushed at the end.
   *
   * @param in the raw input
   * @param out where redacted bytes go
   * @return how many bytes were read from {@code in}
   * @throws IOException when reading or writing fails
   */
  public long copy(InputStream in, OutputStream out) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    OutputStream buffered = new BufferedOutputStream(new KeepOpen(out), COPY_BLOCK);
    OutputStream redacting = new RedactingOutputStream(engine, buffered);
    byte[] block = new byte[COPY_BLOCK];
    long total = 0;
    for (int read = in.read(block); read >= 0; read = in.read(block)) {
      redacting.write(block, 0, read);
      total += read;
      if (read < block.length) {
        redacting.flush();
      }
    }
    redacting.close();
    return total;
  }

  /**
   * Names the configured secrets and counts the literal values; never prints a value.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "Redactor[names="
        + names
        + ", literalValues="
        + engine.rules().literalCount()
        + ", lineBound="
        + engine.bound()
        + "]";
  }

  /** Passes writes through and turns close into flush. */
  private static final class KeepOpen extends OutputStream {
    private final OutputStream target;

    KeepOpen(OutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
      target.write(bytes, offset, count);
    }

    @Override
    public void flush() throws IOException {
      target.flush();
    }

    @Override
    public void close() throws IOException {
      target.flush();
    }
  }
}
