package dev.megaplan.cloud.core.internal.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The configured secrets in the form the scanner uses: names longest first, and literal values
 * (each line of a value, at least {@link #MIN_LITERAL_LENGTH} characters) longest first. Immutable.
 */
public final class Rules {
  /** Literal values shorter than this are not replaced by rule 2. */
  public static final int MIN_LITERAL_LENGTH = 8;

  private final String[] names;
  private final String[] values;

  private Rules(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /**
   * Builds the rules.
   *
   * @param names secret names; each non-empty and free of whitespace (checked by the caller)
   * @param values the secrets' current values, nulls already dropped
   * @return the rules
   */
  public static Rules of(Collection<String> names, Collection<String> values) {
    Set<String> literals = new LinkedHashSet<>();
    for (String value : values) {
      for (String line : value.split("\n", -1)) {
        String piece = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (piece.length() >= MIN_LITERAL_LENGTH) {
          literals.add(piece);
        }
      }
    }
    return new Rules(longestFirst(new LinkedHashSet<>(names)), longestFirst(literals));
  }

  private static String[] longestFirst(Set<String> strings) {
    List<String> sorted = new ArrayList<>(strings);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return sorted.toArray(new String[0]);
  }

  String[] names() {
    return names;
  }

  String[] values() {
    return values;
  }

  /**
   * How many literal values rule 2 replaces.
   *
   * @return the count
   */
  public int literalCount() {
    return values.length;
  }

  /**
   * The longest text a window of an over-long line must keep from its predecessor so that no name,
   * literal value or token prefix is cut in two.
   *
   * @return the overlap, in characters
   */
  public int overlap() {
    int longest = 8;
    for (String name : names) {
      longest = Math.max(longest, name.length());
    }
    for (String value : values) {
      longest = Math.max(longest, value.length());
    }
    return longest + 1;
  }
}
