package dev.megaplan.cloud.providers.local.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.core.internal.io.AtomicFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The deploy directory's {@code .env} (07 "local"): {@code PORT=…} then each secret, written
 * atomically with mode {@code 600}. The only place secret values go; errors name a secret, never
 * its value.
 */
public final class EnvFile {
  /** The file's mode: owner read/write only. */
  public static final int MODE = 0600;

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@+=,%^-]*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private EnvFile() {}

  /**
   * The file's text. A value of plain characters is written as is; any other is single-quoted
   * (Compose reads a single-quoted value literally); one holding a single quote or a line break
   * cannot be carried and is refused.
   *
   * @param port {@code resources.port}
   * @param secrets name → value
   * @return the text
   * @throws CloudException {@code invalid_spec} naming a secret whose value cannot be written
   */
  public static String render(int port, Map<String, String> secrets) {
    StringBuilder text = new StringBuilder("PORT=").append(port).append('\n');
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      String name = secret.getKey();
      String value = secret.getValue();
      if (!NAME.matcher(name).matches()) {
        throw new CloudException(
            ErrorCode.INVALID_SPEC,
            "Secret name '" + name + "' is not a valid environment variable name",
            Map.of("secret", name));
      }
      text.append(name).append('=');
      if (PLAIN.matcher(value).matches()) {
        text.append(value);
      } else if (value.indexOf('\'') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
        text.append('\'').append(value).append('\'');
      } else {
        throw new CloudException(
            ErrorCode.INVALID_SPEC,
            "The value of secret "
                + name
                + " holds a single quote or a line break, which a Compose .env file cannot carry",
            Map.of("secret", name));
      }
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * The variable names the file sets, in order.
   *
   * @param secrets the secrets
   * @return {@code PORT} then the secret names
   */
  public static List<String> names(Map<String, String> secrets) {
    List<String> names = new ArrayList<>();
    names.add("PORT");
    names.addAll(secrets.keySet());
    return names;
  }

  /**
   * Writes the file atomically, mode 600.
   *
   * @param file the {@code .env} path
   * @param text the text from {@link #render}
   * @throws CloudException {@code provider_failed} when it cannot be written
   */
  public static void write(Path file, String text) {
    try {
      new AtomicFileWriter().write(file, text.getBytes(StandardCharsets.UTF_8), MODE);
    } catch (IOException e) {
      throw new CloudException(
          ErrorCode.PROVIDER_FAILED,
          "Could not write " + file + ": " + e.getMessage(),
          Map.of("path", file.toString()),
          e);
    }
  }
}
