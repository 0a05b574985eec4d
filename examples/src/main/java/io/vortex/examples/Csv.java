package io.vortex.examples;

import io.vortex.api.source.TextLine;
import java.math.BigDecimal;

/**
 * Splits and parses the examples' comma-separated lines, with errors that point at the line.
 *
 * <p>Numbers are parsed with bounds, so one hostile field costs microseconds rather than minutes
 * of {@link BigDecimal} arithmetic: integers are 64-bit; decimals have at most {@value
 * #MAX_DECIMAL_CHARS} characters and lie strictly between -10^{@value #MAX_DECIMAL_DIGITS} and
 * 10^{@value #MAX_DECIMAL_DIGITS} with at most {@value #MAX_DECIMAL_DIGITS} digits after the
 * point (exponents such as {@code 1e5} are fine within those bounds; NaN and Infinity are not
 * numbers).
 */
final class Csv {
  static final int MAX_DECIMAL_CHARS = 40;
  static final int MAX_DECIMAL_DIGITS = 18;

  private Csv() {}

  /** True for lines to skip: blank ones, and a header line whose first field is {@code header}. */
  static boolean skip(TextLine line, String header) {
    String text = line.text().strip();
    return text.isEmpty() || (line.lineNumber() == 1 && text.startsWith(header + ","));
  }

  static String[] fields(TextLine line, int count, String layout) {
    String[] fields = line.text().split(",", -1);
    if (fields.length != count) {
      throw new MalformedLineException(line, "expected " + count + " fields (" + layout + "), found " + fields.length);
    }
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].strip();
    }
    return fields;
  }

  static long parseLong(TextLine line, String field, String name) {
    try {
      return Long.parseLong(field); // gives up at the first bad or overflowing digit
    } catch (NumberFormatException e) {
      String problem = isDigits(field)
          ? " is out of range (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + "): "
          : " is not an integer: ";
      throw new MalformedLineException(line, name + problem + MalformedLineException.excerpt(field));
    }
  }

  /** A decimal within the bounds above, without trailing zeros (its scale stays small). */
  static BigDecimal parseDecimal(TextLine line, String field, String name) {
    if (field.length() > MAX_DECIMAL_CHARS) {
      throw new MalformedLineException(line, name + " is too long for a number (" + field.length()
          + " characters, at most " + MAX_DECIMAL_CHARS + "): " + MalformedLineException.excerpt(field));
    }
    BigDecimal value;
    try {
      value = new BigDecimal(field);
    } catch (NumberFormatException e) {
      throw new MalformedLineException(line, name + " is not a decimal number: " + MalformedLineException.excerpt(field));
    }
    if (value.signum() == 0) {
      return BigDecimal.ZERO; // 0E-100000000 would drag every sum to that scale
    }
    // precision - scale: digits before the point; both are ints read off the parsed value
    long integerDigits = (long) value.precision() - value.scale();
    if (integerDigits > MAX_DECIMAL_DIGITS) {
      throw new MalformedLineException(line, name + " is out of range (its magnitude must be below 1e"
          + MAX_DECIMAL_DIGITS + "): " + MalformedLineException.excerpt(field));
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > MAX_DECIMAL_DIGITS) {
      throw new MalformedLineException(line, name + " has too many digits after the point (at most "
          + MAX_DECIMAL_DIGITS + "): " + MalformedLineException.excerpt(field));
    }
    return stripped;
  }

  static String nonEmpty(TextLine line, String field, String name) {
    if (field.isEmpty()) {
      throw new MalformedLineException(line, name + " is empty");
    }
    return field;
  }

  private static boolean isDigits(String field) {
    int start = field.startsWith("-") || field.startsWith("+") ? 1 : 0;
    if (field.length() == start) {
      return false;
    }
    for (int i = start; i < field.length(); i++) {
      if (field.charAt(i) < '0' || field.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
