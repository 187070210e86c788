package dev.megaplan.cloud.benchmarks;

import dev.megaplan.cloud.core.Redactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Streaming redaction of a 100 MB log. One operation redacts the whole log; MB/s = size in MB
 * divided by the average time per operation in seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RedactionBenchmark {
  /** Log size in MB. */
  @Param("100")
  public int megabytes;

  private byte[] log;
  private Redactor redactor;

  /** Builds the log and the redactor. */
  @Setup(Level.Trial)
  public void setUp() {
    log = LogCorpus.generate(megabytes * 1024 * 1024, 42);
    redactor = Redactor.create(LogCorpus.NAMES, LogCorpus.ENV::get);
  }

  /**
   * Bytes in, bytes out: what {@code megaplan-cloud redact} and the relays do.
   *
   * @param blackhole sink
   * @return bytes read
   * @throws IOException never
   */
  @Benchmark
  public long copyBytes(Blackhole blackhole) throws IOException {
    return redactor.copy(new ByteArrayInputStream(log), new Discard(blackhole));
  }

  /**
   * Characters through a wrapped reader.
   *
   * @return characters read
   * @throws IOException never
   */
  @Benchmark
  public long readChars() throws IOException {
    Reader reader =
        redactor.wrap(new InputStreamReader(new ByteArrayInputStream(log), StandardCharsets.UTF_8));
    char[] buffer = new char[8192];
    long total = 0;
    int n;
    while ((n = reader.read(buffer)) >= 0) {
      total += n;
    }
    return total;
  }

  /** An output stream that feeds a blackhole. */
  private static final class Discard extends OutputStream {
    private final Blackhole blackhole;

    Discard(Blackhole blackhole) {
      this.blackhole = blackhole;
    }

    @Override
    public void write(int b) {
      blackhole.consume(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
      blackhole.consume(bytes);
      blackhole.consume(count);
    }
  }
}
