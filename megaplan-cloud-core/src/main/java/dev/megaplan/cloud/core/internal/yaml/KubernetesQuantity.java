package dev.megaplan.cloud.core.internal.yaml;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of a Kubernetes resource quantity ({@code 500m}, {@code 2}, {@code 1.5Gi}, {@code
 * 1e3}) as the API server parses it: a decimal number, then a binary suffix ({@code Ki} … {@code
 * Ei}), a decimal suffix ({@code n}, {@code u}, {@code m}, {@code k}, {@code M} … {@code E}) or an
 * exponent. Only what cloud.yaml's checks need: is it well formed, and its value for comparing a
 * request with its limit.
 */
final class KubernetesQuantity {
  private static final Pattern QUANTITY =
      Pattern.compile(
          "^\\+?([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$");

  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("Ki", BigDecimal.valueOf(1024)),
          Map.entry("Mi", BigDecimal.valueOf(1024).pow(2)),
          Map.entry("Gi", BigDecimal.valueOf(1024).pow(3)),
          Map.entry("Ti", BigDecimal.valueOf(1024).pow(4)),
          Map.entry("Pi", BigDecimal.valueOf(1024).pow(5)),
          Map.entry("Ei", BigDecimal.valueOf(1024).pow(6)),
          Map.entry("n", BigDecimal.ONE.scaleByPowerOfTen(-9)),
          Map.entry("u", BigDecimal.ONE.scaleByPowerOfTen(-6)),
          Map.entry("m", BigDecimal.ONE.scaleByPowerOfTen(-3)),
          Map.entry("k", BigDecimal.ONE.scaleByPowerOfTen(3)),
          Map.entry("M", BigDecimal.ONE.scaleByPowerOfTen(6)),
          Map.entry("G", BigDecimal.ONE.scaleByPowerOfTen(9)),
          Map.entry("T", BigDecimal.ONE.scaleByPowerOfTen(12)),
          Map.entry("P", BigDecimal.ONE.scaleByPowerOfTen(15)),
          Map.entry("E", BigDecimal.ONE.scaleByPowerOfTen(18)));

  private KubernetesQuantity() {}

  /**
   * The value of a quantity, in its base unit (cores, bytes).
   *
   * @param text the quantity as written
   * @return the value, or empty when {@code text} is not a non-negative quantity
   */
  static Optional<BigDecimal> parse(String text) {
    Matcher matcher = QUANTITY.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(matcher.group(1));
    String suffix = matcher.group(2);
    if (suffix == null) {
      return Optional.of(number);
    }
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      int exponent;
      try {
        exponent = Integer.parseInt(suffix.substring(1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (Math.abs(exponent) > 30) {
        return Optional.empty();
      }
      return Optional.of(number.scaleByPowerOfTen(exponent));
    }
    return Optional.of(number.multiply(SUFFIXES.get(suffix)));
  }
}
