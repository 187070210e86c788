package dev.megaplan.cloud.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic log for the benchmarks: mostly ordinary lines, mixed with assignments of the three
 * configured names, their literal values and token shapes.
 */
public final class LogCorpus {
  /** The configured secret names. */
  public static final List<String> NAMES = List.of("OPENAI_API_KEY", "GITHUB_TOKEN", "DB_PASSWORD");

  /** Their values, as the environment lookup returns them. */
  public static final Map<String, String> ENV =
      Map.of(
          "OPENAI_API_KEY", "openai-live-9f8e7d6c5b4a",
          "GITHUB_TOKEN", "gh-value-0123456789abcdef",
          "DB_PASSWORD", "p4$$w0rd.+*?[prod]");

  private static final String[] ORDINARY = {
    "INFO  [worker-%d] processed batch %d in %d ms status=ok queue=default",
    "DEBUG [http-%d] GET /api/v1/chains/%d/status -> 200 (%d bytes)",
    "WARN  [supervisor] milestone m%d retry %d of %d scheduled after backoff",
    "INFO  [megaplan] plan step %d: critique round %d finished, %d findings",
    "TRACE [tmux] capture-pane -t agent:%d.%d lines=%d",
  };

  private LogCorpus() {}

  /**
   * Generates the log.
   *
   * @param size about how many bytes
   * @param seed the random seed
   * @return UTF-8 bytes, whole lines
   */
  public static byte[] generate(int size, long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(size + 256);
    while (text.length() < size) {
      text.append("2026-11-24T12:")
          .append(10 + random.nextInt(50))
          .append(':')
          .append(10 + random.nextInt(50))
          .append(".123Z ");
      int kind = random.nextInt(100);
      String name = NAMES.get(random.nextInt(NAMES.size()));
      if (kind < 3) {
        text.append("env ").append(name).append('=').append(ENV.get(name));
      } else if (kind < 5) {
        text.append("config ").append(name).append(": \"").append(ENV.get(name)).append('"');
      } else if (kind < 7) {
        text.append("echo ").append(ENV.get(name)).append(" done");
      } else if (kind < 9) {
        text.append("auth header sk-proj-").append(Long.toHexString(random.nextLong()));
      } else if (kind < 10) {
        text.append("git push https://ghp_")
            .append(Long.toHexString(random.nextLong()))
            .append("@x");
      } else {
        String template = ORDINARY[random.nextInt(ORDINARY.length)];
        text.append(
            String.format(
                template, random.nextInt(8), random.nextInt(100000), random.nextInt(5000)));
      }
      text.append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
