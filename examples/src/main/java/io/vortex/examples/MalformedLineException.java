package io.vortex.examples;

import io.vortex.api.source.TextLine;

/** A line of input that does not parse; the message names its file and line number. */
public final class MalformedLineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedLineException(TextLine line, String problem) {
    super(line.file() + ":" + line.lineNumber() + ": " + problem + ": \"" + abbreviate(line.text()) + "\"");
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
