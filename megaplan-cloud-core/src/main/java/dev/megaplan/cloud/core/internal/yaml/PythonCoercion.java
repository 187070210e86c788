package dev.megaplan.cloud.core.internal.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a value the way megaplan's {@code int(...)}, {@code float(...)} and {@code bool(...)} read
 * its chain.yaml {@code driver} block: a number written as text, a float in an integer field or a
 * string in a boolean field is accepted there, so it is accepted here too, with a warning that says
 * what megaplan makes of it. What Python cannot convert (which stops megaplan with a traceback) is
 * {@code invalid_spec}.
 */
final class PythonCoercion {
  private static final String DIGITS = "[0-9](?:_?[0-9])*";
  private static final Pattern INT_TEXT = Pattern.compile("[-+]?" + DIGITS);
  private static final Pattern FLOAT_TEXT =
      Pattern.compile(
          "[-+]?(?:(?:"
              + DIGITS
              + "\\.(?:"
              + DIGITS
              + ")?|\\."
              + DIGITS
              + "|"
              + DIGITS
              + ")(?:[eE][-+]?"
              + DIGITS
              + ")?|(?i:inf|infinity|nan))");

  private PythonCoercion() {}

  /**
   * Python's {@code int(value)}.
   *
   * @param value the value
   * @param warnings receives a warning when the value is not a plain integer
   * @return the integer, clamped to the {@code int} range (with a warning)
   */
  static int toInt(YamlValue value, List<String> warnings) {
    BigInteger result;
    if (value.isInteger()) {
      result = new BigInteger(value.scalarValue().toString());
    } else if (value.isBoolean()) {
      result = Boolean.TRUE.equals(value.scalarValue()) ? BigInteger.ONE : BigInteger.ZERO;
      warn(value, warnings, "megaplan reads it as " + result);
    } else if (value.isFloat()) {
      double number = (Double) value.scalarValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw value.error("must be an integer, got " + value.describe());
      }
      result = BigDecimal.valueOf(number).setScale(0, RoundingMode.DOWN).toBigInteger();
      if (number != result.doubleValue()) {
        warn(value, warnings, "megaplan truncates it to " + result);
      }
    } else if (value.isString() && INT_TEXT.matcher(value.asString().strip()).matches()) {
      result = new BigInteger(value.asString().strip().replace("_", ""));
      warn(value, warnings, "megaplan converts it to " + result);
    } else {
      throw value.error("must be an integer, got " + value.describe());
    }
    if (result.bitLength() >= Integer.SIZE) {
      int clamped = result.signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
      warnings.add(
          value.path()
              + " is "
              + result
              + value.location()
              + ", beyond what is reported here; it is reported as "
              + clamped);
      return clamped;
    }
    return result.intValue();
  }

  /**
   * Python's {@code float(value)}.
   *
   * @param value the value
   * @param warnings receives a warning when the value is not a plain number
   * @return the number
   */
  static double toFloat(YamlValue value, List<String> warnings) {
    if (value.isInteger() || value.isFloat()) {
      return ((Number) value.scalarValue()).doubleValue();
    }
    if (value.isBoolean()) {
      double number = Boolean.TRUE.equals(value.scalarValue()) ? 1.0 : 0.0;
      warn(value, warnings, "megaplan reads it as " + number);
      return number;
    }
    if (value.isString() && FLOAT_TEXT.matcher(value.asString().strip()).matches()) {
      double number = parseFloat(value.asString().strip());
      warn(value, warnings, "megaplan converts it to " + number);
      return number;
    }
    throw value.error("must be a number, got " + value.describe());
  }

  /**
   * Python's {@code bool(value)}: false for null, false, zero, and empty strings, lists and
   * mappings; true for anything else, the string {@code 'false'} included.
   *
   * @param value the value
   * @param warnings receives a warning when the value is not a boolean
   * @return the truth value
   */
  static boolean truthiness(YamlValue value, List<String> warnings) {
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    boolean truth = !value.isFalsy();
    warn(value, warnings, "megaplan reads it as " + truth);
    return truth;
  }

  private static double parseFloat(String text) {
    String number = text.replace("_", "");
    String unsigned = number.replaceFirst("^[-+]", "").toLowerCase(java.util.Locale.ROOT);
    double sign = number.startsWith("-") ? -1 : 1;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(number);
  }

  private static void warn(YamlValue value, List<String> warnings, String reading) {
    warnings.add(value.path() + " is " + value.describe() + value.location() + "; " + reading);
  }
}
