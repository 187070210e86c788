package dev.megaplan.cloud.testkit;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which command text (or remote path) a scripted rule of {@link FakeProvider} applies to: exact
 * text, a prefix, a regular expression, or any predicate.
 */
public final class Match {
  private final Predicate<String> predicate;
  private final String description;

  private Match(Predicate<String> predicate, String description) {
    this.predicate = predicate;
    this.description = description;
  }

  /**
   * Matches exactly this text.
   *
   * @param text the whole command or path
   * @return the matcher
   */
  public static Match exactly(String text) {
    Objects.requireNonNull(text, "text");
    return new Match(text::equals, "exactly " + text);
  }

  /**
   * Matches text that starts with a prefix.
   *
   * @param prefix the prefix
   * @return the matcher
   */
  public static Match startingWith(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return new Match(s -> s.startsWith(prefix), "starting with " + prefix);
  }

  /**
   * Matches text in which a regular expression is found (use {@code ^…$} to anchor it).
   *
   * @param regex the expression
   * @return the matcher
   */
  public static Match matching(String regex) {
    Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
    return new Match(s -> pattern.matcher(s).find(), "matching /" + regex + "/");
  }

  /**
   * Matches text for which a predicate holds.
   *
   * @param predicate the test
   * @param description what it tests, for diagnostics
   * @return the matcher
   */
  public static Match where(Predicate<String> predicate, String description) {
    return new Match(Objects.requireNonNull(predicate, "predicate"), description);
  }

  /**
   * Matches everything.
   *
   * @return the matcher
   */
  public static Match any() {
    return new Match(s -> true, "anything");
  }

  /**
   * Whether the text matches.
   *
   * @param text a command or path
   * @return true when it matches
   */
  public boolean test(String text) {
    return predicate.test(text);
  }

  @Override
  public String toString() {
    return description;
  }
}
