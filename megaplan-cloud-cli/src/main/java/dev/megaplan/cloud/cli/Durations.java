package dev.megaplan.cloud.cli;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the command line takes them: {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601. */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @param text for example {@code 30s}, {@code 5m}, {@code 1h}, {@code PT30S}
   * @param option the option's name, for the message
   * @return the positive duration
   * @throws CloudException {@code invalid_args} for anything else
   */
  public static Duration parse(String text, String option) {
    String trimmed = text.trim();
    Matcher matcher = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
    Duration duration;
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      switch (matcher.group(2)) {
        case "ms" -> duration = Duration.ofMillis(amount);
        case "s" -> duration = Duration.ofSeconds(amount);
        case "m" -> duration = Duration.ofMinutes(amount);
        default -> duration = Duration.ofHours(amount);
      }
    } else {
      try {
        duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(text, option);
      }
    }
    if (duration.isZero() || duration.isNegative()) {
      throw invalid(text, option);
    }
    return duration;
  }

  private static CloudException invalid(String text, String option) {
    return new CloudException(
        ErrorCode.INVALID_ARGS,
        option + " takes a positive duration such as 30s, 5m, 1h or PT30S; got '" + text + "'");
  }
}
