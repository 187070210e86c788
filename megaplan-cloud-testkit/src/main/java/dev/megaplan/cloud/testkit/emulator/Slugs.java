package dev.megaplan.cloud.testkit.emulator;

import java.util.Locale;

/** Turns labels and idea titles into directory-safe names. */
final class Slugs {
  private static final int MAX_LENGTH = 48;

  private Slugs() {}

  /**
   * {@code text} lower-cased, every run of characters outside {@code [a-z0-9_.]} replaced by one
   * {@code -}, leading and trailing {@code .}/{@code -} stripped, cut to 48 characters; {@code
   * fallback} when nothing is left.
   */
  static String slug(String text, String fallback) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    boolean dash = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
      if (keep) {
        sb.append(c);
        dash = false;
      } else if (!dash) {
        sb.append('-');
        dash = true;
      }
    }
    String slug = trim(sb.toString());
    if (slug.length() > MAX_LENGTH) {
      slug = trim(slug.substring(0, MAX_LENGTH));
    }
    return slug.isEmpty() ? fallback : slug;
  }

  /** The plan name the emulator drives for milestone {@code label}: {@code <label slug>-plan}. */
  static String planName(String label) {
    return slug(label, "milestone") + "-plan";
  }

  private static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == '-' || text.charAt(start) == '.')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == '-' || text.charAt(end - 1) == '.')) {
      end--;
    }
    return text.substring(start, end);
  }
}
