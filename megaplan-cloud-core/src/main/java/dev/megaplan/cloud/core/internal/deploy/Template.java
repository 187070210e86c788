package dev.megaplan.cloud.core.internal.deploy;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One deploy-directory template, kept as a class-path resource beside this package's resources
 * ({@code dev/megaplan/cloud/core/deploy/}), with {@code {{name}}} placeholders.
 *
 * <p>Substitution is one pass over the template's own text: an inserted value is never scanned
 * again (a custom toolchain snippet is inserted verbatim, braces and all). A placeholder without a
 * value fails rendering with {@code invalid_spec} naming the template and every missing name,
 * instead of rendering an empty string.
 */
public final class Template {
  /** Where the templates live on the class path. */
  static final String BASE = "/dev/megaplan/cloud/core/deploy/";

  /** {@code {{name}}}, tolerating spaces inside the braces so a typo cannot slip through. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

  private final String name;
  private final String text;

  private Template(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /**
   * Loads a template resource.
   *
   * @param resource its path below the templates' base, for example {@code entrypoint.sh.tmpl}
   * @return the template
   * @throws IllegalStateException when the resource is not on the class path (a packaging bug)
   */
  public static Template load(String resource) {
    try (InputStream in = Template.class.getResourceAsStream(BASE + resource)) {
      if (in == null) {
        throw new IllegalStateException("template resource missing: " + BASE + resource);
      }
      return new Template(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read template " + resource, e);
    }
  }

  /**
   * A template from text (tests, and snippets assembled in code).
   *
   * @param name how errors name it
   * @param text the template text
   * @return the template
   */
  public static Template of(String name, String text) {
    return new Template(name, text);
  }

  /**
   * The placeholder names in order of first appearance.
   *
   * @return the names
   */
  public List<String> placeholders() {
    Map<String, Boolean> names = new LinkedHashMap<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.put(matcher.group(1), true);
    }
    return new ArrayList<>(names.keySet());
  }

  /**
   * Replaces every placeholder with its value.
   *
   * @param values placeholder name → text to insert as written
   * @return the rendered text
   * @throws CloudException {@code invalid_spec} naming each placeholder that has no value
   */
  public String render(Map<String, String> values) {
    List<String> missing = new ArrayList<>();
    for (String placeholder : placeholders()) {
      if (!values.containsKey(placeholder)) {
        missing.add(placeholder);
      }
    }
    if (!missing.isEmpty()) {
      throw new CloudException(
          ErrorCode.INVALID_SPEC,
          "Could not render "
              + name
              + ": unreplaced placeholder"
              + (missing.size() == 1 ? " " : "s ")
              + String.join(", ", missing.stream().map(m -> "{{" + m + "}}").toList()),
          Map.of("template", name, "placeholders", missing));
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 256);
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(values.get(matcher.group(1))));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
