package io.vortex.api.source;

import java.io.IOException;

/** A line of a text input is longer than its source reads; names the file and line. */
public final class LineTooLongException extends IOException {
  private static final long serialVersionUID = 1L;

  public LineTooLongException(String file, long lineNumber, int maxLineBytes) {
    super(file + ":" + lineNumber + ": line is longer than " + describe(maxLineBytes)
        + " (the source's maximum line length)");
  }

  private static String describe(int bytes) {
    if (bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
  }
}
