package io.vortex.examples;

import io.vortex.api.source.TextLine;
import java.math.BigDecimal;

/** Splits and parses the examples' comma-separated lines, with errors that point at the line. */
final class Csv {
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
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      throw new MalformedLineException(line, name + " is not an integer: '" + field + "'");
    }
  }

  static BigDecimal parseDecimal(TextLine line, String field, String name) {
    try {
      return new BigDecimal(field);
    } catch (NumberFormatException e) {
      throw new MalformedLineException(line, name + " is not a decimal number: '" + field + "'");
    }
  }

  static String nonEmpty(TextLine line, String field, String name) {
    if (field.isEmpty()) {
      throw new MalformedLineException(line, name + " is empty");
    }
    return field;
  }
}
