package io.vortex.examples;

import io.vortex.api.source.TextLine;

/**
 * A line of input that does not parse; the message names its file and line number. The message
 * stays one short line whatever the input holds: long text is cut (with its length), and control
 * characters are escaped.
 */
public final class MalformedLineException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final int MAX_LINE_EXCERPT = 200;
  static final int MAX_FIELD_EXCERPT = 60;

  public MalformedLineException(TextLine line, String problem) {
    super(escape(line.file(), Integer.MAX_VALUE) + ":" + line.lineNumber() + ": " + problem + ": "
        + quote(line.text(), MAX_LINE_EXCERPT));
  }

  /** A field for a message: quoted, escaped and cut to {@value #MAX_FIELD_EXCERPT} characters. */
  static String excerpt(String field) {
    return '\'' + escape(field, MAX_FIELD_EXCERPT) + '\'';
  }

  private static String quote(String text, int max) {
    return '"' + escape(text, max) + '"';
  }

  /** {@code text} with control and format characters escaped ({@code \n}, {@code \t}, Unicode escapes); cut at {@code max}. */
  static String escape(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
    int i = 0;
    for (; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
              || Character.isSurrogate(c) && !isPairedSurrogate(text, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (i < text.length()) {
      if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
        out.setLength(out.length() - 1); // do not cut a pair in half
      }
      out.append("... (").append(text.length()).append(" characters)");
    }
    return out.toString();
  }

  private static boolean isPairedSurrogate(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
