package dev.megaplan.cloud.api.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An extra language toolchain layered into the image ({@code toolchains} entry): a built-in alias
 * ({@code rust}, {@code go}, {@code java}) or a custom {@code {name, install}} snippet. Renders as
 * it is written: an alias as a string, a custom entry as a mapping.
 */
@Value.Immutable
abstract class AbstractToolchain {
  /** The built-in aliases. */
  public static final List<String> ALIASES = List.of("rust", "go", "java");

  /**
   * The alias or the custom toolchain's name.
   *
   * @return a non-empty name
   */
  public abstract String name();

  /**
   * The Dockerfile snippet of a custom toolchain, inserted verbatim; empty for an alias.
   *
   * @return the snippet, or empty
   */
  public abstract Optional<String> install();

  /**
   * Whether this entry is a built-in alias.
   *
   * @return true for an alias
   */
  public boolean isAlias() {
    return install().isEmpty();
  }

  /**
   * A built-in alias.
   *
   * @param alias {@code rust}, {@code go} or {@code java}
   * @return the toolchain
   */
  public static Toolchain alias(String alias) {
    return Toolchain.builder().name(alias).build();
  }

  /**
   * A custom toolchain.
   *
   * @param name its name
   * @param install the Dockerfile snippet
   * @return the toolchain
   */
  public static Toolchain custom(String name, String install) {
    return Toolchain.builder().name(name).install(install).build();
  }

  /**
   * The JSON rendering: the alias string, or {@code {"name": …, "install": …}}.
   *
   * @return a string or an ordered map
   */
  @JsonValue
  public Object toJson() {
    if (isAlias()) {
      return name();
    }
    Map<String, String> json = new LinkedHashMap<>();
    json.put("name", name());
    json.put("install", install().get());
    return json;
  }

  @Value.Check
  void check() {
    if (isAlias() && !ALIASES.contains(name())) {
      throw new IllegalStateException("not a toolchain alias: " + name());
    }
  }
}
